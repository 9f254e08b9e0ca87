CREATE TABLE dbo.visit (
    visit_id INT NOT NULL,
    guest_name NVARCHAR(60) NULL
)
GO
CREATE TABLE
#visit_staging (
    visit_id INT NOT NULL,
    guest_name NVARCHAR(60) NULL
)
GO
