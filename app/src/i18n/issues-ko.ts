// Korean texts of core's round-file issue codes and of the field names in
// their paths. The admin console adds them when its chunk loads.
export const issuesKo = {
  codes: {
    invalid_json:
      "JSON 형식이 올바르지 않습니다({{reason}}). 파일의 문법을 고친 뒤 다시 불러오세요.",
    missing: "값이 없습니다. {{expected}} 값을 입력하세요.",
    wrong_type:
      "{{expected}} 값이어야 하는데 {{actual}}입니다. 고쳐 입력하세요.",
    unknown_field:
      "알 수 없는 항목입니다. 지우거나 철자를 고치세요(쓸 수 있는 항목: {{known}}).",
    missing_choice: "값이 없습니다. 다음 중 하나를 고르세요: {{choices}}.",
    invalid_choice:
      "{{value}}은(는) 쓸 수 없는 값입니다. 다음 중 하나로 고치세요: {{choices}}.",
    too_few_items: "{{item}} 목록이 비어 있습니다. 하나 이상 추가하세요.",
    too_many_items:
      "{{item}}은(는) 최대 {{maximum}}개까지 넣을 수 있습니다. 나머지를 지우세요.",
    too_many_decimals:
      "소수점 아래 {{decimals}}자리까지만 쓸 수 있습니다. 반올림해 고치세요.",
    negative: "0 이상이어야 합니다.",
    not_positive: "0보다 커야 합니다.",
    above_max_points:
      "{{maximum}} 이하여야 합니다. 체인에 0.01점 단위로 기록할 수 있는 가장 큰 점수이므로 배점을 낮추거나 모든 배점을 같은 비율로 줄이세요.",
    too_big: "{{maximum}} 이하여야 합니다.",
    too_small: "{{minimum}} 이상이어야 합니다.",
    not_integer: "정수로 입력하세요.",
    money_format:
      '원 단위 정수를 숫자만으로 적으세요(회차 파일에서는 따옴표로 감싼 문자열, 예: "100111000").',
    empty_text: "비어 있습니다. 값을 입력하세요.",
    text_too_long: "{{length}}자로 너무 깁니다. {{maximum}}자 이하로 줄이세요.",
    date_time_format:
      "올바른 날짜와 시간이 아닙니다. 날짜와 시간을 모두 고르세요(한국 시간).",
    no_qualitative_criterion:
      '정성 평가 항목이 없습니다. 평가위원이 채점할 정성 항목("kind": "qualitative")을 하나 이상 추가하세요.',
    max_points_sum:
      "배점 합계가 {{total}}점인데 기술 배점은 {{weight}}점입니다. 절대 평가에서는 두 값이 같아야 하므로 항목 배점이나 기술 배점을 고치세요.",
    trim_needs_evaluators:
      '"{{trim}}" 방식은 최고·최저 점수를 빼므로 평가위원이 3명 이상 필요한데 평가위원 수가 {{evaluators}}명입니다. 평가위원을 늘리거나 "제외하지 않음"("none")으로 바꾸세요.',
    trim_needs_evaluators_default:
      '지정하지 않아 기본값 "{{trim}}"이(가) 적용되는데, 이 방식은 최고·최저 점수를 빼므로 평가위원이 3명 이상 필요하지만 평가위원 수가 {{evaluators}}명입니다. 평가위원을 늘리거나 "제외하지 않음"("none")으로 정하세요.',
    trim_needs_min_evaluators:
      '최고·최저 제외("{{trim}}")에는 공개된 평가표가 3장 이상 필요하므로 3 이상이어야 합니다. 값을 올리거나 최고·최저 제외를 "제외하지 않음"("none")으로 바꾸세요.',
    trim_needs_min_evaluators_default:
      '최고·최저 제외를 지정하지 않아 기본값 "{{trim}}"이(가) 적용되며, 이 방식에는 공개된 평가표가 3장 이상 필요하므로 3 이상이어야 합니다. 값을 올리거나 "제외하지 않음"("none")으로 정하세요.',
    min_evaluators_above_evaluators:
      "{{minimum}}명인데 평가위원 수는 {{evaluators}}명뿐입니다. {{evaluators}} 이하로 고치세요.",
    min_evaluators_above_evaluators_default:
      "지정하지 않아 기본값 {{minimum}}명이 적용되는데 평가위원 수는 {{evaluators}}명뿐입니다. {{evaluators}} 이하로 정하세요.",
    deadline_passed:
      "{{deadline, kst}}은(는) 이미 지난 시각입니다. 앞으로의 시각으로 정하세요.",
    reveal_before_scoring:
      "채점 마감({{scoringDeadline, kst}})보다 뒤여야 합니다. 더 늦게 정하거나, 비워 두면 채점 마감 24시간 뒤로 정해집니다.",
    duplicate_name:
      "{{other}}의 이름과 같습니다. {{item}}마다 다른 이름을 쓰세요.",
    duplicate_tie_break:
      '"{{step}}" 단계가 이미 있습니다. 동점 처리 단계는 한 번씩만 넣으세요.',
    estimated_price_missing:
      '값이 없습니다. 협상에 의한 계약 산식("kr-negotiated")에는 추정 가격이 필요합니다. 원 단위 정수로 입력하세요(예: 400000000).',
    estimated_price_unused:
      '추정 가격은 "kr-negotiated" 산식에서만 씁니다(지금은 "{{formula}}"). 지우세요.',
    bid_price_unused:
      '가격 점수를 직접 입력하는 방식("given")에서는 입찰가를 쓰지 않습니다. 지우고 가격 점수를 입력하세요.',
    price_score_missing:
      '값이 없습니다. 가격 점수 직접 입력("given") 방식에서는 제안사마다 가격 점수를 점 단위로 입력해야 합니다(예: 13.5).',
    price_score_above_weight:
      "{{priceScore}}점인데 가격 배점은 {{priceWeight}}점입니다. 가격 점수는 가격 배점보다 클 수 없으니 고치세요.",
    bid_price_missing:
      '값이 없습니다. 가격 산식 "{{formula}}"에는 제안사마다 입찰가가 필요합니다. 원 단위 정수로 입력하세요(예: 100111000).',
    price_score_unused:
      '가격 점수는 직접 입력 방식("given")에서만 씁니다(지금은 "{{formula}}"). 지우세요.',
    quantitative_scores_missing:
      "값이 없습니다. 정량 항목마다 점수를 하나씩 순서대로 입력하세요: {{criteria}}.",
    quantitative_scores_unexpected:
      "점수가 {{count}}개 있지만 정량 항목이 없습니다. 지우세요.",
    quantitative_scores_count:
      "점수가 {{count}}개인데 정량 항목은 {{expected}}개입니다. 항목마다 하나씩 순서대로 입력하세요: {{criteria}}.",
    score_above_max:
      '{{points}}점인데 항목 "{{criterion}}"의 배점은 {{maximum}}점입니다. 배점 이하로 고치세요.',
    sheets_count:
      "평가표가 {{sheets}}장인데 평가위원은 {{evaluators}}명입니다. 평가위원마다 평가표를 하나씩 넣으세요.",
    sheet_rows_count:
      "점수 행이 {{rows}}개인데 제안사는 {{bidders}}곳입니다. 제안사마다 발표 순서대로 한 행씩 넣으세요.",
    sheet_row_scores_count:
      "점수가 {{count}}개인데 정성 항목은 {{expected}}개입니다. 항목마다 하나씩 순서대로 넣으세요: {{criteria}}.",
    comments_count:
      '의견이 {{comments}}개인데 제안사는 {{bidders}}곳입니다. 제안사마다 하나씩 넣고, 의견이 없으면 ""를 넣으세요.',
    invalid: "값이 올바르지 않습니다({{message}}). 고쳐 입력하세요.",
  },
  types: {
    number: "숫자",
    string: "텍스트",
    boolean: "true 또는 false",
    array: "목록",
    object: "객체",
    null: "null",
    date_time: "날짜와 시간(한국 시간)",
  },
  actual: {
    string: "텍스트 {{value}}",
    number: "숫자 {{value}}",
    boolean: "{{value}}",
    array: "목록",
    object: "객체",
    null: "null",
    other: "{{value}}",
  },
  items: {
    criterion: "평가 항목",
    bidder: "제안사",
    sheet: "평가표",
    step: "동점 처리 단계",
    item: "항목",
  },
  file: "파일 전체",
  /** Names of one entry of a list field, followed by its number. */
  entries: {
    criteria: "평가 항목",
    bidders: "제안사",
    sheets: "평가표",
    tieBreak: "동점 처리 단계",
    quantitativeScores: "정량 점수",
    scores: "점수 행",
  },
  fields: {
    title: "사업명",
    reference: "공고 번호",
    rules: "평가 규칙",
    version: "규칙 버전",
    technicalWeight: "기술 배점",
    priceWeight: "가격 배점",
    trim: "최고·최저 제외",
    technicalScoring: "기술 점수",
    priceFormula: "가격 점수",
    estimatedPrice: "추정 가격",
    qualifyingPercent: "기술 적격 기준",
    tieBreak: "동점 처리",
    minEvaluators: "최소 평가위원 수",
    criteria: "평가 항목",
    name: "이름",
    maxPoints: "배점",
    kind: "종류",
    bidders: "제안사",
    bidPrice: "입찰가",
    priceScore: "가격 점수",
    quantitativeScores: "정량 점수",
    evaluators: "평가위원 좌석 수",
    schedule: "일정",
    scoringDeadline: "채점 마감",
    revealDeadline: "공개 마감",
    sheets: "평가표",
    scores: "점수",
    comments: "의견",
    expected: "기대 결과",
  },
};

export type IssueStrings = typeof issuesKo;
