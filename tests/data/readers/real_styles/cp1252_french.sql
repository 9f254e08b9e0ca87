-- Fichier des assurés (Windows-1252)
CREATE TABLE assure (
  nom VARCHAR(50) COMMENT 'nom de famille – usuel',
  naissance DATE COMMENT 'date de naissance de l’assuré',
  secu VARCHAR(15) COMMENT 'numéro de sécurité sociale',
  adresse VARCHAR(200) COMMENT 'adresse où écrire',
  deces DATE COMMENT 'date de décès'
);
