ALTER TABLE galette_adherents ADD COLUMN ddn_adh date;
