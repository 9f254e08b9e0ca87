USE [clinic]
GO
SET ANSI_NULLS ON
GO
IF NOT EXISTS (SELECT * FROM sys.objects WHERE object_id = OBJECT_ID(N'[dbo].[Member]') AND type in (N'U'))
BEGIN
CREATE TABLE [dbo].[Member](
	[ID] [nvarchar](50) NOT NULL,
	[CardNo] [nvarchar](50) NULL,
	[MemberName] [nvarchar](50) NULL,
 CONSTRAINT [PK_Member] PRIMARY KEY CLUSTERED
(
	[ID] ASC
)WITH (IGNORE_DUP_KEY = OFF) ON [PRIMARY]
) ON [PRIMARY]
END
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'会员卡号' ,@level0type=N'SCHEMA', @level0name=N'dbo', @level1type=N'TABLE', @level1name=N'Member', @level2type=N'COLUMN', @level2name=N'CardNo'
GO
EXEC sp_addextendedproperty @name = N'MS_Description',
    @value = N'会员',
    @level0type = N'SCHEMA',
    @level0name = N'dbo',
    @level1type = N'TABLE',
    @level1name = N'Member',
    @level2type = NULL,
    @level2name = NULL
GO
CREATE TABLE Visit(
	ID NVARCHAR(36) PRIMARY KEY DEFAULT NEWID() NOT NULL,
	MemberID NVARCHAR(50),
	Complaint NVARCHAR(200)
)
EXEC sp_addextendedproperty N'MS_Description', N'就诊记录', N'SCHEMA', N'dbo', N'TABLE', N'Visit', NULL, NULL
EXEC sp_addextendedproperty N'MS_Description', N'主诉', 'SCHEMA', N'dbo', 'TABLE', N'Visit', 'COLUMN', N'Complaint'
GO
