// Strings of the public results page, added when its chunk loads.
const ko = {
  results: {
    title: "평가 결과 공개",
    rules: "규칙 {{rules}} · 집계 {{tally}}",
    notFinal:
      "아직 확정되지 않았습니다 ({{phase}}). 결과가 확정되면 이 화면에 바로 표시됩니다.",
    attendance: "출석",
    committed: "제출 {{count}}석",
    absent: "불참 {{count}}석",
    recused: "회피 {{count}}석",
    pledges: "서약 {{count}}석",
    seatScores: "평가위원별 합계 점수",
    seatScoresNote: "평가위원 열은 추첨 시드로 섞였고 이름은 가려져 있습니다.",
    evaluator: "평가위원 {{label}}",
    verify: "체인에서 다시 계산하여 검증",
    verifying: "검증하는 중…",
    verified: "모든 검사를 통과했습니다.",
    notVerified: "통과하지 못한 검사가 있습니다.",
    check_created: "회차 생성 이벤트가 있습니다",
    check_finalized: "결과 확정 이벤트가 있습니다",
    check_opened: "좌석 {{seat}}의 공개된 평가표가 봉인된 값과 일치합니다",
    check_seed: "추첨 시드가 공개된 솔트의 해시와 같습니다",
    check_count: "공개된 평가표 수({{count}})가 확정 이벤트와 같습니다",
    check_result: "{{bidder}}의 결과를 다시 계산한 값이 공표값과 같습니다",
    pass: "통과",
    fail: "실패",
    failed: "검증하지 못했습니다: {{message}}",
  },
};

const en: typeof ko = {
  results: {
    title: "Public result",
    rules: "rules {{rules}} · tally {{tally}}",
    notFinal:
      "Not final yet ({{phase}}). The result appears here as soon as it is final.",
    attendance: "Attendance",
    committed: "{{count}} seats submitted",
    absent: "{{count}} absent",
    recused: "{{count}} recused",
    pledges: "{{count}} pledges",
    seatScores: "Totals per evaluator",
    seatScoresNote:
      "Evaluator columns are shuffled with the lottery seed and names are masked.",
    evaluator: "Evaluator {{label}}",
    verify: "Recompute and verify from the chain",
    verifying: "Verifying…",
    verified: "Every check passed.",
    notVerified: "Some checks failed.",
    check_created: "The round's creation event exists",
    check_finalized: "The result event exists",
    check_opened: "Seat {{seat}}'s revealed sheet opens its sealed commitment",
    check_seed: "The lottery seed is the hash of the revealed salts",
    check_count:
      "The number of revealed sheets ({{count}}) matches the result event",
    check_result:
      "The recomputed result of {{bidder}} equals the published one",
    pass: "passed",
    fail: "failed",
    failed: "Could not verify: {{message}}",
  },
};

export const resultsStrings = { ko, en };
