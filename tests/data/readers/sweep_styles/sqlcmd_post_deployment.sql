/*
Post-deployment script of the database project (run by sqlcmd)
*/
:setvar SourceDb Clinic_Staging
:on error exit

SET NOCOUNT ON

CREATE TABLE dbo.PatientAddress (
    PatientId INT NOT NULL,
    Street NVARCHAR(200),
    City NVARCHAR(100)
)

:r .\Seed\Patients.sql

INSERT INTO dbo.PatientAddress (PatientId, Street, City)
SELECT PatientId, Street, City FROM [$(SourceDb)].dbo.Patient
GO
