namespace java com.acme.crm

struct Member {
  1: string member_no,        // 会员编号
  2: string mobile,           // 手机号码
  3: optional string shop_code, // 门店编码
  4: i32 points,
}
