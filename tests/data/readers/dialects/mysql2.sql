CREATE TABLE `user_profile` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `gender` enum('M','F') DEFAULT NULL COMMENT '性别',
  `created` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `full` varchar(64) GENERATED ALWAYS AS (concat(`a`,`b`)) VIRTUAL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk` (`id`),
  KEY `idx_g` (`gender`),
  CONSTRAINT `fk1` FOREIGN KEY (`id`) REFERENCES `other` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=100 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC COMMENT='用户资料';
