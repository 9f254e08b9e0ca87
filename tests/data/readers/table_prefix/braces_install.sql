-- Installer schema; {PREFIX} is replaced by the table prefix chosen at install time
CREATE TABLE {PREFIX}authors (
  authorid int(10) unsigned NOT NULL auto_increment,
  realname varchar(255) NOT NULL default '',
  username varchar(32) default NULL,
  email varchar(128) NOT NULL default '',
  PRIMARY KEY (authorid)
) {TYPE};

CREATE TABLE {prefix}comments (
  id int(10) unsigned NOT NULL auto_increment,
  author varchar(80) default NULL,
  ip varchar(64) default NULL,
  PRIMARY KEY (id)
);
