-- 客户
CREATE TABLE kh (
  xm VARCHAR(20) COMMENT '姓名',
  sjhm VARCHAR(11) COMMENT '手机'
);
