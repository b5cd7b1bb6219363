package com.dispatch.quality.generate;

import java.time.LocalDate;

/** Realistic-looking Chinese names, resident ID numbers (GB 11643 checksum) and mobile numbers. */
final class Names {
  private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
      + "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 "
      + "白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 上官").split(" ");
  private static final String[] GIVEN = ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 兰 霞 平 刚 桂 华 建 国 志 海 燕 红 梅 "
      + "晓 东 丹 萍 鑫 宇 浩 然 子 涵 欣 怡 梓 轩 雨 佳 琪 俊 文 博 思 远 晨 曦 佩 琳 德 福 秀 英 玉 珍 春 秋 雪 "
      + "婷 慧 颖 鹏 飞 辉 斌 健 凯 亮 成 龙 峰 波 宁 旭 阳 瑶 倩 悦").split(" ");
  private static final String[] BRANDS = ("恒达 华锐 中联 鼎盛 信诚 瑞丰 永信 金桥 天成 宏图 博远 嘉诚 远航 正泰 海昌 "
      + "汇通 盛世 隆基 安捷 润发 伟业 协力 万达 同创 启明 祥和 联创 众合 东方 鸿运").split(" ");
  private static final String[] INDUSTRIES = ("精密制造 电子科技 物流 食品 汽车零部件 医药 纺织 新材料 仓储服务 机械 "
      + "包装 家居用品 光电 连锁餐饮").split(" ");
  /** Birthplace area codes (province capitals' districts) the ID numbers start with. */
  private static final String[] AREAS = ("310115 110105 440305 440106 330106 320505 410102 510104 340104 430102 "
      + "360102 420106 370102 450103 130102 610113 500103 210102").split(" ");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();
  private static final String[] MOBILE_PREFIXES = ("130 131 132 133 135 136 137 138 139 150 151 152 155 157 158 159 "
      + "166 173 177 180 181 182 185 186 187 188 189 191 198 199").split(" ");

  private Names() {}

  static String person(Rng r) {
    String name = r.pick(SURNAMES) + r.pick(GIVEN);
    return r.chance(0.6) ? name + r.pick(GIVEN) : name;
  }

  /** A legal company name, unique per client index: 苏州恒达精密制造有限公司. */
  static String company(String city, int clientIndex) {
    String brand = BRANDS[clientIndex % BRANDS.length];
    String industry = INDUSTRIES[(clientIndex * 5 + clientIndex / BRANDS.length) % INDUSTRIES.length];
    String suffix = clientIndex < BRANDS.length ? "" : "第" + (clientIndex / BRANDS.length + 1) + "分";
    return city + brand + industry + suffix + "有限公司";
  }

  /** An 18-character resident ID with a valid GB 11643 check character. */
  static String idCard(Rng r, LocalDate birth) {
    StringBuilder sb = new StringBuilder(18).append(r.pick(AREAS));
    sb.append(birth.getYear());
    if (birth.getMonthValue() < 10) sb.append('0');
    sb.append(birth.getMonthValue());
    if (birth.getDayOfMonth() < 10) sb.append('0');
    sb.append(birth.getDayOfMonth());
    int seq = r.nextInt(1000);
    sb.append((char) ('0' + seq / 100)).append((char) ('0' + seq / 10 % 10)).append((char) ('0' + seq % 10));
    sb.append(checkChar(sb));
    return sb.toString();
  }

  static char checkChar(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    return CHECK[sum % 11];
  }

  static String mobile(Rng r) {
    StringBuilder sb = new StringBuilder(11).append(r.pick(MOBILE_PREFIXES));
    for (int i = 0; i < 8; i++) sb.append((char) ('0' + r.nextInt(10)));
    return sb.toString();
  }
}
