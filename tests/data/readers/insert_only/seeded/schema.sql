-- The shop's tables.
CREATE TABLE orders (
  id INT PRIMARY KEY,
  total DECIMAL(10,2)
);
