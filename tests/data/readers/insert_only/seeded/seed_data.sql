-- Demo rows loaded after the schema (the member table is created by the application).
INSERT INTO orders (id, total) VALUES (1, 9.99);
INSERT INTO `member_card` (`id`, `real_name`, `id_card_no`, `mobile`)
VALUES (1, 'Wei Zhangfoo', '110101199003077131', '13800138765');
INSERT INTO member_card (id, email) VALUES (2, 'wzhangfoo@example.com');
INSERT INTO audit_log VALUES (1, 'login from 10.1.2.3');
