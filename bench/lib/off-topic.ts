// Questions a city FAQ bot gets that no city pack answers (written for this bench): the engine
// should hand them off (`no_answer`) rather than pick the least bad entry.
export const OFF_TOPIC_QUERIES = [
  '今日の天気は晴れますか',
  'おすすめのラーメン屋を教えて',
  '昨日の野球の試合結果',
  'トヨタの株価はいくら',
  '彼女にふられた',
  'カラオケで高得点を出すコツ',
  '宿題を手伝って',
  'ポケモンの進化',
  '東京までの新幹線の料金',
  'ハロー',
  '映画のおすすめは',
  '猫がかわいい',
  '駅前のパン屋の営業時間',
  'iPhoneの機種変更',
  '宝くじの当選番号',
  'ダイエットの方法',
  '英語の勉強法',
  '今何時ですか',
  'ゲームのやり方',
  '競馬の予想',
];
