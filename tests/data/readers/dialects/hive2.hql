CREATE TABLE IF NOT EXISTS dw.orders (
  order_id string COMMENT '订单号',
  buyer_phone string COMMENT '买家手机'
)
PARTITIONED BY (dt string)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
STORED AS TEXTFILE
TBLPROPERTIES ('creator'='etl');
CREATE TABLE delta_t (id INT, email STRING COMMENT 'mail') USING delta PARTITIONED BY (id) LOCATION '/x';
