-- Shop schema (MySQL dump style)
SET NAMES utf8mb4;
DROP TABLE IF EXISTS `customers`;

CREATE TABLE `shop`.`customers` (
  `id` BIGINT NOT NULL AUTO_INCREMENT COMMENT '主键',
  `xm` VARCHAR(32) NOT NULL COMMENT '姓名',
  -- dataflow: allow pi.contact.mobile "masked at source, reviewed 2026-10"
  `sjhm` VARCHAR(20) COMMENT '手机号码',
  `sfzh` CHAR(18) COMMENT '身份证号', -- dataflow: allow pi.identity.resident_id 'hashed before export'
  `note` TEXT,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='客户表';

INSERT INTO `customers` VALUES (1, 'x', 'y', 'z', NULL);

CREATE TABLE orders (
  order_no VARCHAR(32) COMMENT 'it''s the order number; not a phone',
  amount DECIMAL(10, 2),
  customer_id BIGINT
);
