-- visitor passes record who visits and how to reach them
ALTER TABLE visitor_pass
    ADD COLUMN visitor_phone VARCHAR(20),
    ADD COLUMN vehicle_number VARCHAR(20);

ALTER TABLE visitor_pass
    ADD CONSTRAINT fk_visitor_pass_unit FOREIGN KEY (unit_id) REFERENCES unit (id);
