/*==============================================================*/
/* DBMS name:      Microsoft SQL Server 2012                    */
/* Created on:     2024/5/6 9:30:00                             */
/*==============================================================*/


if exists (select 1
            from  sysobjects
           where  id = object_id('HIS_PATIENT')
            and   type = 'U')
   drop table HIS_PATIENT
go

/*==============================================================*/
/* Table: HIS_PATIENT                                           */
/*==============================================================*/
create table HIS_PATIENT (
   PATIENT_ID           int                  not null,   /* 患者编号 */
   PATIENT_NAME         nvarchar(50)         null,       /* 患者姓名 */
   ID_NUMBER            varchar(18)          null,       /* 患者身份证件号码 */
   BIRTH_DATE           datetime             null        /* 出生日期 */,
   NOTE                 varchar(100)         null default '/* not a comment */',
   WARD                 varchar(20)          null,
   constraint PK_HIS_PATIENT primary key nonclustered (PATIENT_ID)
)
go

if exists (select 1 from  sys.extended_properties
           where major_id = object_id('HIS_PATIENT') and minor_id = 0)
begin
   declare @CurrentUser sysname
select @CurrentUser = user_name()
execute sp_dropextendedproperty 'MS_Description',
   'user', @CurrentUser, 'table', 'HIS_PATIENT'

end


select @CurrentUser = user_name()
execute sp_addextendedproperty 'MS_Description',
   '患者基本信息',
   'user', @CurrentUser, 'table', 'HIS_PATIENT'
go

select @CurrentUser = user_name()
execute sp_addextendedproperty 'MS_Description',
   '病区',
   'user', @CurrentUser, 'table', 'HIS_PATIENT', 'column', 'WARD'
go

if not exists (select 1 from sysobjects where id = object_id('HIS_VISIT') and type = 'U')
create table HIS_VISIT (
   VISIT_ID             int                  not null,   /* 就诊编号 */
   PATIENT_ID           int                  null,       /* 患者编号 */
   DIAGNOSIS            nvarchar(200)        null        /* 门诊诊断 */
)
go

if not exists (select 1 from sysobjects where id = object_id('HIS_ALLERGY') and type = 'U')
begin
create table HIS_ALLERGY (
   PATIENT_ID           int                  not null,   -- 患者编号
   ALLERGEN             nvarchar(100)        null        -- 过敏原
)
end
go

if exists (select 1 from sysobjects where id = object_id('HIS_DRUG') and type = 'U')
   drop table HIS_DRUG
create table HIS_DRUG (
   DRUG_CODE            varchar(20)          not null,
   DRUG_NAME            nvarchar(100)        null
)
go

EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'药品字典' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'HIS_DRUG'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'药品名称' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'HIS_DRUG', @level2type=N'COLUMN',@level2name=N'DRUG_NAME'
GO
