USE [Clinic]
GO
SET ANSI_NULLS ON
GO
PRINT N'Creating [dbo].[Patient]...'
GO
DECLARE @CurrentUser sysname
SELECT @CurrentUser = user_name()
GO
CREATE TABLE [dbo].[Patient] (
    [PatientId] int IDENTITY(1,1) NOT NULL,
    [FullName] nvarchar(100) NOT NULL,
    [NationalId] varchar(18) NULL,
    CONSTRAINT [PK_Patient] PRIMARY KEY CLUSTERED ([PatientId])
) ON [PRIMARY]
GO
DBCC CHECKIDENT ('dbo.Patient', RESEED, 0)
GO
SET IDENTITY_INSERT [dbo].[Patient] ON
GO
INSERT INTO [dbo].[Patient] ([PatientId], [FullName], [NationalId]) VALUES (1, N'X', NULL)
GO
SET IDENTITY_INSERT [dbo].[Patient] OFF
GO
DBCC CHECKDB (N'Clinic') WITH NO_INFOMSGS
GO
EXEC sp_rename 'dbo.Patient.NationalId', 'NationalIdNo', 'COLUMN'
GO
sp_helptext 'dbo.Patient'
GO
IF @@ERROR <> 0 RAISERROR (N'failed', 16, 1)
GO
RAISERROR (N'done', 10, 1) WITH NOWAIT
GO
WAITFOR DELAY '00:00:01'
GO
CREATE TABLE [dbo].[Visit] (
    [VisitId] int NOT NULL,
    [PatientId] int NOT NULL,
    [Diagnosis] nvarchar(max) NULL
)
GO
DBCC FREEPROCCACHE
GO
