//建库脚本
CREATE DATABASE kennel
USE `kennel`
//宠物主人
CREATE TABLE `owner` (
  `id` int NOT NULL COMMENT 'ID',
  `owner_name` varchar(40) DEFAULT NULL COMMENT '主人姓名',
  `mobile` varchar(20) DEFAULT NULL COMMENT '手机号',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='主人';

//寄养记录
CREATE TABLE `boarding` (
  `id` int NOT NULL,
  `owner_id` int DEFAULT NULL COMMENT '主人Id',
  // 备注: 入住日期
  `check_in` date DEFAULT NULL,
  `note` varchar(200) DEFAULT 'see //notes' COMMENT '备注',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
//寄养增加一列
ALTER TABLE boarding ADD `room` varchar(10) DEFAULT NULL;
//护理记录
CREATE TABLE `care` (
  `id` int NOT NULL AUTO_INCREMENT,
  // 护理员
  `carer` varchar(40) DEFAULT NULL COMMENT '护理员',
  `boarding_id` int DEFAULT NULL,
  KEY `idx_boarding` (`boarding_id`),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=10 DEFAULT CHARSET=utf8;
