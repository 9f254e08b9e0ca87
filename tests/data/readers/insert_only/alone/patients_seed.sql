INSERT INTO public.patient ("patient_id", "full_name", "diagnosis")
VALUES (7, 'Li Naqux', 'Qzorbic syndrome'), (8, 'Wang Fangqux', 'Vexmal cough');
INSERT INTO visit VALUES (7, '2031-07-19');
INSERT INTO patient SELECT * FROM staging_patient;
