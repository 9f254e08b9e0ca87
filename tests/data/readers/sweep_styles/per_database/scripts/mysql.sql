CREATE TABLE galette_adherents (
  id_adh int(10) unsigned NOT NULL auto_increment,
  nom_adh varchar(50) NOT NULL default '',
  PRIMARY KEY (id_adh)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
