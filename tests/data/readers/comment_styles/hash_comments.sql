#宠物寄养
CREATE TABLE
    kennel_stay
    (
        STAYNO INT NOT NULL,
        GUESTNAME VARCHAR(60) NOT NULL,
        # 入住天数
        NIGHTS INT,
        PRIMARY KEY (STAYNO)
    );

# 笼位
#
CREATE TABLE kennel_cage (
    CAGENO INT NOT NULL,
    SIZE CHAR(1)
);

# 护理记录
CREATE TABLE kennel_care (
    CARENO INT NOT NULL AUTO_INCREMENT,
    # 护理员
    CARER VARCHAR(40),
    STAYNO INT,
    KEY idx_stay (STAYNO),
    PRIMARY KEY (CARENO)
) ENGINE=InnoDB AUTO_INCREMENT=10;
