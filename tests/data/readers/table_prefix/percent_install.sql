CREATE TABLE `%PREFIX%users` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `mobile` VARCHAR(20),
  `home_address` VARCHAR(255),
  PRIMARY KEY (`id`)
);
CREATE TABLE ${prefix}orders (
  id INT NOT NULL,
  user_id INT REFERENCES ${prefix}users(id),
  PRIMARY KEY (id)
);
