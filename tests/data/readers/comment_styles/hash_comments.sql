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
