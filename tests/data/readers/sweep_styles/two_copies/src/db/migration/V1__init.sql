CREATE TABLE unit (
    id UUID PRIMARY KEY,
    unit_number VARCHAR(20) NOT NULL
);

CREATE TABLE visitor_pass (
    id UUID PRIMARY KEY,
    unit_id UUID NOT NULL,
    visitor_name VARCHAR(255) NOT NULL,
    valid_from TIMESTAMP
);
