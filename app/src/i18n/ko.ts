// Korean strings of the tablet and the shared frame; Korean is the default.
export const ko = {
  app: {
    name: "Jurybox",
    skipToContent: "본문으로 건너뛰기",
    language: "언어",
    korean: "한국어",
    english: "English",
    loading: "불러오는 중…",
    retry: "다시 시도",
    seat: "좌석 {{seat}}",
    points: "{{value}}점",
    home: "Jurybox는 평가위원이 봉인한 평가표를 체인에 기록하고 결과를 체인에서 계산합니다. 평가위원은 좌석 QR 코드를 스캔하고, 관리자는 관리 화면을 엽니다.",
    openRounds: "공개된 평가 회차 보기",
    openAdmin: "관리 화면 열기",
  },
  status: {
    offline:
      "서버에 연결할 수 없습니다. 입력한 내용은 이 태블릿에 저장되어 있으며 서버에 연결되면 자동으로 전송합니다.",
    queued: "전송 대기 중: 서버에 연결되면 자동으로 전송합니다.",
  },
  problem: {
    insecureTitle: "안전한 연결이 필요합니다",
    insecureBody:
      "이 페이지는 HTTPS 주소나 이 컴퓨터의 localhost에서만 평가표를 암호화해 보관할 수 있습니다. 관리자에게 HTTPS 주소의 QR 코드를 요청하세요.",
    storageTitle: "이 브라우저에 평가표를 저장할 수 없습니다",
    storageBody:
      "시크릿(사생활 보호) 모드를 끄거나 사이트 저장소를 허용한 뒤 QR 코드를 다시 스캔하세요.",
    invalidLinkTitle: "올바르지 않은 링크입니다",
    invalidLinkBody: "좌석 QR 코드를 다시 스캔하거나 관리자에게 문의하세요.",
    invalidResultsLinkTitle: "올바르지 않은 결과 링크입니다",
    invalidResultsLinkBody:
      "링크에 체인, 레지스트리, 회차가 올바른 형식으로 들어 있지 않습니다. 아래에서 공개된 회차 목록을 열고 회차를 다시 고르세요.",
    wrongChainTitle: "다른 체인에 연결되어 있습니다",
    wrongChainBody:
      "이 QR 코드는 체인 {{expected}}용인데 서버는 체인 {{actual}}에 연결되어 있습니다. 관리자에게 알려 주세요.",
    notFoundTitle: "평가 회차를 찾을 수 없습니다",
    notFoundBody:
      "회차 {{roundId}}가 이 체인에 없습니다. QR 코드가 맞는지 관리자에게 확인하세요.",
    unreachableTitle: "서버에 연결할 수 없습니다",
    unreachableBody:
      "네트워크 연결을 확인하세요. 연결되면 자동으로 다시 시도합니다.",
    inviteUsedTitle: "이미 사용된 QR 코드입니다",
    inviteUsedBody:
      "이 좌석은 이 QR 코드로 다른 태블릿에 이미 등록되었습니다. 관리자에게 새 QR 코드를 요청하세요.",
    inviteReplacedTitle: "다시 발급되어 쓸 수 없는 QR 코드입니다",
    inviteReplacedBody:
      "관리자가 이 좌석의 QR 코드를 다시 발급해 이 코드는 더 이상 쓸 수 없습니다. 관리자에게 새 QR 코드를 받아 스캔하세요.",
    inviteMismatchTitle: "이 좌석의 QR 코드가 아닙니다",
    inviteMismatchBody:
      "QR 코드의 키가 이 좌석과 맞지 않습니다. 관리자에게 새 QR 코드를 요청하세요.",
    noSessionTitle: "이 태블릿에 등록된 좌석이 없습니다",
    noSessionBody:
      "좌석 QR 코드를 다시 스캔하세요. QR 코드가 없으면 관리자에게 새 코드를 요청하세요.",
    cancelledTitle: "평가가 취소되었습니다",
    cancelledBody: "관리자가 이 평가를 취소했습니다. 사유: {{reason}}",
    closedTitle: "채점이 마감되었습니다",
    closedBody:
      "이 좌석의 평가표가 마감 전에 제출되지 않아 결과에 포함되지 않습니다.",
    deadlineTitle: "제출 기한이 지났습니다",
    deadlineBody:
      "채점 기한({{deadline}})이 지나 평가표를 제출할 수 없습니다. 관리자에게 문의하세요.",
    recusedTitle: "회피 신청이 기록되었습니다",
    recusedBody:
      "이 좌석은 평가에서 제외되었습니다. 태블릿을 관리자에게 돌려주세요.",
    unexpectedTitle: "문제가 발생했습니다",
  },
  pledge: {
    title: "평가위원 서약",
    round: "{{title}} ({{reference}})",
    signNotice:
      "아래 버튼을 누르면 위 서약 내용에 동의하여 서명한 것으로 좌석에 기록됩니다.",
    sign: "서약에 서명하고 평가 시작",
    signing: "좌석을 등록하는 중…",
    failed: "좌석을 등록하지 못했습니다: {{message}}",
    cannotSign:
      "서약할 수 없는 사정(이해관계 등)이 있으면 서명하지 말고 관리자에게 알리세요.",
  },
  sheet: {
    title: "평가표",
    bidders: "제안사",
    tab: "{{name}}, 소계 {{total}}점",
    maxPoints: "배점 {{max}}점",
    scoreLabel: "{{criterion}} 점수 (배점 {{max}}점)",
    decrease: "{{criterion}} 1점 내리기",
    increase: "{{criterion}} 1점 올리기",
    comment: "{{name}}에 대한 의견 (선택)",
    subtotal: "소계",
    subtotalValue: "{{total}} / {{max}}점",
    saved: "이 태블릿에 저장됨 ({{time}})",
    notSaved: "저장하지 못했습니다: {{message}}",
    previous: "이전 제안사",
    next: "다음 제안사",
    review: "검토하기",
    recuse: "회피 신청",
    missing: "입력하지 않은 점수 {{count}}개",
    submitted:
      "제출된 평가표를 수정 중입니다. 검토 후 다시 제출해야 반영됩니다.",
    deadline: "채점 기한: {{time}}",
  },
  score: {
    aboveMax: "배점 {{max}}점을 넘을 수 없습니다.",
    decimals: "소수점 둘째 자리까지만 입력할 수 있습니다.",
    format: "0 이상의 숫자로 입력하세요 (예: 72.5).",
  },
  review: {
    title: "평가표 검토",
    intro:
      "아래 내용에 한 번 서명하여 제출합니다. 채점이 마감되기 전까지는 수정해 다시 제출할 수 있습니다.",
    incomplete:
      "입력하지 않았거나 잘못된 점수가 있습니다. 평가표로 돌아가 고쳐 주세요.",
    criterion: "평가 항목",
    total: "합계",
    comments: "의견",
    noComment: "(없음)",
    back: "평가표로 돌아가기",
    submit: "서명하고 제출",
    confirmTitle: "평가표를 제출할까요?",
    confirmBody:
      "제출하면 점수가 봉인되어 체인에 기록됩니다. 채점 마감 전까지는 수정해 다시 제출할 수 있습니다.",
    confirm: "제출",
    cancel: "취소",
    signing: "서명하는 중…",
  },
  waiting: {
    title: "제출했습니다",
    savedTitle:
      "서명한 평가표를 이 태블릿에 저장했습니다. 아직 전송하지 않았습니다",
    savedBody:
      "평가표가 체인에 기록되어야 제출이 끝납니다. 제목이 ‘제출했습니다’로 바뀔 때까지 이 태블릿의 화면을 닫지 말고 켜 두세요.",
    sending: "전송하는 중…",
    queued: "서버 연결 대기 중: 서버에 연결되면 자동으로 전송합니다.",
    onChain: "체인에 기록되었습니다 ({{time}}).",
    failed: "전송하지 못했습니다: {{message}}",
    committee: "위원회 진행 상황",
    committed: "제출",
    claimed: "등록",
    recused: "회피",
    seats: "전체 좌석",
    hint: "모든 위원이 제출하거나 관리자가 채점을 마감하면 이 태블릿이 평가표를 자동으로 공개합니다. 화면을 켜 둔 채로 기다려 주세요.",
    edit: "평가표 수정",
    revealing: "채점이 마감되어 평가표를 공개하는 중…",
    revealed:
      "평가표를 공개했습니다. 다른 위원의 공개를 기다리는 중입니다 ({{revealed}} / {{committed}}).",
    revealFailed: "평가표를 공개하지 못했습니다: {{message}}",
  },
  result: {
    title: "평가 결과",
    asOf: "블록 {{block}} 기준 ({{time}})",
    rank: "순위",
    bidder: "제안사",
    technical: "기술",
    price: "가격",
    total: "합계",
    qualified: "적격 여부",
    yes: "적격",
    no: "부적격",
    order: "협상 순위",
    winner: "우선협상대상자: {{name}}",
    noWinner: "적격 제안사가 없습니다.",
    caption: "제안사별 평가 결과 (합계 순)",
    publicPage: "공개 결과 페이지에서 검증하기",
  },
  recuse: {
    title: "회피 신청",
    body: "이해관계 등으로 이 평가에 참여할 수 없으면 사유를 적고 회피를 신청하세요. 신청하면 취소할 수 없고 이 좌석은 평가에서 제외됩니다.",
    reason: "사유",
    reasonRequired: "사유를 입력하세요.",
    submit: "회피 신청",
    back: "돌아가기",
    sending: "신청하는 중…",
    failed: "회피 신청을 기록하지 못했습니다: {{message}}",
  },
};

export type Strings = typeof ko;
