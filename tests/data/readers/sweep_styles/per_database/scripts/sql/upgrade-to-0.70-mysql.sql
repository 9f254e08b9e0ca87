ALTER TABLE galette_adherents ADD ddn_adh date NULL AFTER nom_adh;
