-- Registro civil: personas y defunciones
-- Codificación: ISO-8859-1 (Latin-1)
CREATE TABLE persona (
  id INT NOT NULL,
  nombre VARCHAR(100) COMMENT 'nombre y apellidos',
  fecha_defuncion DATE COMMENT 'fecha de defunción',
  nss VARCHAR(12) COMMENT 'número de la seguridad social',
  direccion VARCHAR(200) COMMENT 'dirección postal, código postal incluido',
  PRIMARY KEY (id)
) COMMENT='personas inscritas en el año';
