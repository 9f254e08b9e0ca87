/*
 Navicat Premium Data Transfer

 Source Server Type    : PostgreSQL
 Source Server Version : 130002
 Source Catalog        : clinic
 Source Schema         : public

 Target Server Type    : PostgreSQL
 Target Server Version : 130002
 File Encoding         : 65001
*/


-- ----------------------------
-- Sequence structure for patient_id_seq
-- ----------------------------
DROP SEQUENCE IF EXISTS "public"."patient_id_seq";
CREATE SEQUENCE "public"."patient_id_seq" 
INCREMENT 1
MINVALUE  1
MAXVALUE 2147483647
START 1
CACHE 1;
ALTER SEQUENCE "public"."patient_id_seq" OWNER TO "postgres";

-- ----------------------------
-- Table structure for patient
-- ----------------------------
DROP TABLE IF EXISTS "public"."patient";
CREATE TABLE "public"."patient" (
  "id" int4 NOT NULL DEFAULT nextval('patient_id_seq'::regclass),
  "name" varchar(255) COLLATE "pg_catalog"."default" NOT NULL,
  "id_card" varchar(18) COLLATE "pg_catalog"."default",
  "remarks" text COLLATE "pg_catalog"."default",
  "ward_code" varchar(16) COLLATE "C",
  "nickname" varchar(64) COLLATE "default" DEFAULT ''::character varying,
  "birth_date" date,
  "created_at" timestamp(6) DEFAULT CURRENT_TIMESTAMP
)
;
ALTER TABLE "public"."patient" OWNER TO "postgres";
COMMENT ON COLUMN "public"."patient"."name" IS '姓名';
COMMENT ON COLUMN "public"."patient"."id_card" IS '身份证号';
COMMENT ON COLUMN "public"."patient"."remarks" IS 'notes; with a semicolon';
COMMENT ON TABLE "public"."patient" IS '患者';

-- ----------------------------
-- Table structure for visit
-- ----------------------------
DROP TABLE IF EXISTS "public"."visit";
CREATE TABLE "public"."visit" (
  "id" int8 NOT NULL,
  "patient_id" int4 NOT NULL,
  "diagnosis" text COLLATE "pg_catalog"."default",
  "doctor" varchar(50) COLLATE "pg_catalog"."default" NOT NULL DEFAULT 'unknown'::character varying
)
;
ALTER TABLE "public"."visit" OWNER TO "postgres";
COMMENT ON COLUMN "public"."visit"."diagnosis" IS '诊断';

-- ----------------------------
-- Alter sequences owned by
-- ----------------------------
ALTER SEQUENCE "public"."patient_id_seq"
OWNED BY "public"."patient"."id";
SELECT setval('"public"."patient_id_seq"', 1, false);

-- ----------------------------
-- Indexes structure for table patient
-- ----------------------------
CREATE INDEX "idx_patient_name" ON "public"."patient" USING btree (
  "name" COLLATE "pg_catalog"."default" "pg_catalog"."text_ops" ASC NULLS LAST
);
CREATE UNIQUE INDEX "uk_patient_id_card" ON "public"."patient" USING btree (
  "id_card" COLLATE "pg_catalog"."default" "pg_catalog"."text_ops" ASC NULLS LAST
);

-- ----------------------------
-- Primary Key structure for table patient
-- ----------------------------
ALTER TABLE "public"."patient" ADD CONSTRAINT "patient_pkey" PRIMARY KEY ("id");

-- ----------------------------
-- Primary Key structure for table visit
-- ----------------------------
ALTER TABLE "public"."visit" ADD CONSTRAINT "visit_pkey" PRIMARY KEY ("id");

-- ----------------------------
-- Foreign Keys structure for table visit
-- ----------------------------
ALTER TABLE "public"."visit" ADD CONSTRAINT "visit_patient_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
