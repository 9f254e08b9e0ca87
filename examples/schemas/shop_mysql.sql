-- Example schema of a small online shop (MySQL), used by `dataflow scan examples/`.
-- 示例：小型网店的 MySQL 表结构。Column comments say what a column holds, as is common in
-- Chinese schemas; dataflow reads them together with the column names.

CREATE TABLE customers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT '主键',
  xm VARCHAR(32) NOT NULL COMMENT '姓名',
  sjhm VARCHAR(20) DEFAULT NULL COMMENT '手机号',
  sfzh CHAR(18) DEFAULT NULL COMMENT '身份证号',
  shdz VARCHAR(255) DEFAULT NULL COMMENT '收货地址',
  yhkh VARCHAR(32) DEFAULT NULL COMMENT '银行卡号',
  email VARCHAR(128) DEFAULT NULL COMMENT '电子邮箱',
  order_count INT NOT NULL DEFAULT 0 COMMENT '下单次数',
  is_vip TINYINT(1) NOT NULL DEFAULT 0 COMMENT '是否会员',
  phone_verified TINYINT(1) NOT NULL DEFAULT 0 COMMENT '手机号是否已验证',
  created_at DATETIME NOT NULL COMMENT '注册时间',
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='客户信息表';

CREATE TABLE orders (
  order_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT '订单号',
  customer_id BIGINT UNSIGNED NOT NULL COMMENT '客户ID',
  receiver_name VARCHAR(32) DEFAULT NULL COMMENT '收货人姓名',
  receiver_mobile VARCHAR(20) DEFAULT NULL COMMENT '收货人手机号',
  delivery_address VARCHAR(255) DEFAULT NULL COMMENT '配送地址',
  region_code CHAR(6) DEFAULT NULL COMMENT '行政区划代码',
  total_amount DECIMAL(12,2) NOT NULL COMMENT '订单金额',
  item_count INT NOT NULL DEFAULT 1 COMMENT '商品件数',
  order_status TINYINT NOT NULL DEFAULT 0 COMMENT '订单状态',
  is_paid TINYINT(1) NOT NULL DEFAULT 0 COMMENT '是否已支付',
  created_at DATETIME NOT NULL COMMENT '下单时间',
  PRIMARY KEY (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='订单表';

-- A dictionary table: names of places, not data about a person. Must not be reported as PI.
-- 字典表：行政区划名称，不是个人信息。
CREATE TABLE dict_region (
  region_code CHAR(6) NOT NULL COMMENT '行政区划代码',
  province_name VARCHAR(32) NOT NULL COMMENT '省份名称',
  city_name VARCHAR(32) NOT NULL COMMENT '城市名称',
  district_name VARCHAR(32) DEFAULT NULL COMMENT '区县名称',
  address_type TINYINT NOT NULL DEFAULT 0 COMMENT '地址类型',
  sort_order INT NOT NULL DEFAULT 0 COMMENT '排序',
  PRIMARY KEY (region_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='行政区划字典表';

CREATE TABLE support_staff (
  staff_id INT NOT NULL COMMENT '员工编号',
  -- dataflow: allow pi.identity.name "staff names appear on tickets the customer already sees"
  display_name VARCHAR(32) NOT NULL COMMENT '客服昵称',
  team VARCHAR(32) DEFAULT NULL COMMENT '所属组',
  PRIMARY KEY (staff_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='客服人员表';
