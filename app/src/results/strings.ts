// Strings of the public pages (round list and round result), added when
// their chunk loads.
const ko = {
  results: {
    title: "평가 결과 공개",
    rules: "규칙 {{rules}} · 집계 {{tally}}",
    asOf: "{{block}}번 블록 기준, {{time}}",
    recordAsOf: "기록: {{block}}번 블록 ({{hash}}), {{time}}",
    source_indexer: "출처: 인덱서",
    source_chain: "출처: 체인 직접 조회",
    chainBecause_behind:
      "인덱서가 {{seconds}}초 뒤처져 있어 체인에서 직접 읽습니다.",
    chainBecause_unavailable: "인덱서가 응답하지 않아 체인에서 직접 읽습니다.",
    chainBecause_restarting:
      "인덱서가 멈춰 다시 시작하는 중입니다. 그동안 체인에서 직접 읽습니다.",
    chainBecause_notConfigured:
      "이 서버에는 이 레지스트리의 인덱서가 없어 체인에서 직접 읽습니다.",
    chainBecause_notIndexed:
      "인덱서가 아직 이 회차를 기록하지 않아 체인에서 직접 읽습니다.",
    chainBecause_disagreed:
      "인덱서의 단계나 결과가 계약과 달라 체인에서 직접 읽습니다.",
    countsDiffered:
      "인덱서의 좌석 수가 계약의 수와 달랐습니다. 계약의 수를 표시합니다.",
    resultDiffered:
      "인덱서의 결과가 계약의 결과와 달랐습니다. 계약의 결과를 표시합니다.",
    notFinal:
      "아직 확정되지 않았습니다 ({{phase}}). 결과가 확정되면 이 화면에 바로 표시됩니다.",
    deadlines: "마감 시각",
    scoringDeadline: "채점 마감",
    revealDeadline: "공개 마감",
    phase_scoring: "채점 중",
    phase_revealing: "공개 중",
    phase_finalized: "확정",
    phase_cancelled: "취소",
    cancelledBecause: "이 회차는 취소되었습니다. 취소 사유: {{reason}}",
    attendance: "출석",
    invited: "초대 {{count}}석",
    claimed: "등록 {{count}}석",
    committed: "제출 {{count}}석",
    revealed: "공개 {{count}}석",
    absent: "불참 {{count}}석",
    recused: "회피 {{count}}석",
    seatStates: "좌석별 진행 상황",
    seatNumber: "좌석 {{number}}",
    state_invited: "초대됨",
    state_claimed: "등록됨",
    state_committed: "제출함",
    state_revealed: "공개함",
    state_recused: "회피함",
    seatScores: "평가위원별 합계 점수",
    seatScoresNote: "평가위원 열은 추첨 시드로 섞였고 이름은 가려져 있습니다.",
    evaluator: "평가위원 {{label}}",
    sheetOf: "{{label}}의 평가표와 의견",
    comment: "의견",
    timeline: "체인에 기록된 단계",
    step: "단계",
    seat: "좌석",
    block: "블록",
    time: "시각",
    transaction: "트랜잭션",
    pledgeHash: "서약 해시",
    step_created: "회차 생성",
    step_reissued: "초대 재발급",
    step_claimed: "좌석 등록과 서약",
    step_recused: "회피",
    step_committed: "평가표 봉인 제출",
    step_closed: "채점 마감",
    step_revealed: "평가표 공개",
    step_finalized: "결과 확정",
    step_cancelled: "회차 취소",
    recordFailed: "체인에서 평가 기록을 읽지 못했습니다.",
    readFailed: "이 회차를 읽지 못했습니다. 몇 초 뒤에 다시 읽습니다.",
    chain: "체인 {{chainId}}",
    notUpdating: "갱신 멈춤",
    staleSince:
      "{{since}}부터 체인에서 새 정보를 읽지 못하고 있습니다. 이 화면은 마지막으로 읽은 {{block}}번 블록 기준이라 지금과 다를 수 있습니다. 몇 초마다 계속 다시 시도합니다.",
    staleAfterUpdate:
      "이 화면은 {{updated}}에 마지막으로 갱신되었습니다({{block}}번 블록 기준). 그 뒤로 체인에서 새 정보를 읽지 못하고 있어 지금과 다를 수 있습니다. 몇 초마다 계속 다시 시도합니다.",
    readOverdue:
      "마지막 읽기 요청이 {{seconds}}초 넘게 응답을 기다리고 있습니다.",
    chainUnreachable:
      "체인 노드에 연결할 수 없습니다. 잠시 뒤 다시 시도하세요.",
    unexpectedError:
      "예상하지 못한 오류입니다. 계속되면 아래 세부 정보를 관리자에게 전해 주세요.",
    errorDetail: "세부 정보:",
    wrongChainTitle: "다른 체인의 링크입니다",
    wrongChainBody:
      "이 링크는 체인 {{expected}}의 기록을 가리키지만 이 서버는 체인 {{actual}}에 연결되어 있어, 이 서버로는 그 기록을 보여 주거나 검증할 수 없습니다. 이 서버의 회차 목록에서 회차를 다시 고르세요.",
    listOnChain: "체인 {{chainId}}의 회차 목록 보기",
    noContractTitle: "이 주소에는 계약이 없습니다",
    noContractBody:
      "체인 {{chainId}}의 {{registry}} 주소에는 계약 코드가 없으므로 링크가 가리키는 레지스트리가 이 체인에 없습니다. 링크의 레지스트리 주소를 확인하거나 이 서버의 회차 목록에서 회차를 고르세요.",
    notRegistryTitle: "평가 레지스트리가 아닌 계약입니다",
    notRegistryBody:
      "체인 {{chainId}}의 {{registry}} 주소에 있는 계약은 Jurybox 평가 레지스트리가 아닙니다. 이 계약의 TALLY_VERSION() 호출이 실패했습니다. 링크의 레지스트리 주소를 확인하거나 이 서버의 회차 목록에서 회차를 고르세요.",
    servedRounds: "이 서버의 회차 목록 보기",
    notInRegistryTitle: "이 레지스트리에 없는 회차입니다",
    notInRegistryBody:
      "레지스트리 {{registry}}에는 {{roundId}}번 회차가 없습니다. 링크의 회차 번호나 레지스트리 주소를 확인하거나 회차 목록에서 회차를 고르세요.",
    downloads: "내려받기",
    download_json: "평가 기록 (JSON)",
    download_csv: "점수 (CSV)",
    download_ocds: "OCDS 릴리스 (JSON)",
    downloadFailed: "내려받지 못했습니다: {{message}}",
    verifyTitle: "검증",
    verifyNote:
      "체인의 원시 이벤트를 /rpc로 읽어 이 브라우저에서 모든 검사를 다시 실행합니다. 각 검사의 세부 내용은 영어로 표시됩니다.",
    verify: "체인에서 다시 계산하여 검증",
    verifying: "검증하는 중…",
    verified: "모든 검사를 통과했습니다.",
    verifiedCancelled:
      "{{passed}}개 검사를 통과했습니다. 회차가 {{block}}번 블록에서 취소되어(사유: {{reason}}) 결과가 필요한 검사 {{cancelled}}개는 해당하지 않습니다.",
    notVerified: "통과하지 못한 검사가 {{count}}개 있습니다.",
    check: {
      finalized: "회차가 확정되었습니다",
      sequence: "모든 이벤트가 허용된 단계와 좌석 상태에서 일어났습니다",
      "claims-signed": "모든 좌석 등록이 그 좌석의 초대 키로 서명되었습니다",
      "pledges-signed": "모든 서약이 좌석을 등록한 기기로 서명되었습니다",
      "sheets-signed": "봉인된 모든 평가표가 좌석에 묶인 기기로 서명되었습니다",
      "recusals-signed": "모든 회피가 좌석의 기기로 서명되었습니다",
      "reveals-match":
        "모든 공개가 채점 마감 전 좌석의 마지막 봉인 값과 일치합니다",
      "lottery-seed": "추첨 시드가 공개된 솔트를 좌석 순서로 해시한 값입니다",
      tally: "체인의 결과가 공개된 평가표로 다시 계산한 결과와 같습니다",
      counts: "좌석 수(등록, 제출, 공개, 회피, 불참)가 이벤트와 일치합니다",
      escrow: "봉인된 모든 평가표에 보관본이 있습니다",
    },
    outcome_passed: "통과",
    outcome_failed: "실패",
    outcome_cancelled: "해당 없음 (취소된 회차)",
    failed: "검증하지 못했습니다: {{message}}",
  },
  rounds: {
    title: "평가 회차 목록",
    number: "{{id}}번 회차",
    all: "모든 평가 회차 보기",
    open: "진행 중",
    done: "확정",
    cancelled: "취소",
    none: "없음",
    progress:
      "좌석 {{seats}} · 등록 {{claimed}} · 제출 {{committed}} · 공개 {{revealed}} · 회피 {{recused}}",
    winner: "우선협상대상자: {{name}}",
    noWinner: "적격 업체 없음",
    readFailed: "체인에서 회차 목록을 읽지 못했습니다: {{message}}",
  },
};

const en: typeof ko = {
  results: {
    title: "Public result",
    rules: "rules {{rules}} · tally {{tally}}",
    asOf: "As of block {{block}}, {{time}}",
    recordAsOf: "Record: block {{block}} ({{hash}}), {{time}}",
    source_indexer: "Source: the indexer",
    source_chain: "Source: the chain, read directly",
    chainBecause_behind:
      "The indexer is {{seconds}} s behind; reading the chain directly.",
    chainBecause_unavailable:
      "The indexer does not respond; reading the chain directly.",
    chainBecause_restarting:
      "The indexer stopped and is restarting; reading the chain directly meanwhile.",
    chainBecause_notConfigured:
      "This server has no indexer for this registry; reading the chain directly.",
    chainBecause_notIndexed:
      "The indexer has not recorded this round yet; reading the chain directly.",
    chainBecause_disagreed:
      "The indexer's phase or result differed from the contract's; reading the chain directly.",
    countsDiffered:
      "The indexer disagreed with the contract's seat counts; the contract's numbers are shown.",
    resultDiffered:
      "The indexer disagreed with the contract's result; the contract's result is shown.",
    notFinal:
      "Not final yet ({{phase}}). The result appears here as soon as it is final.",
    deadlines: "Deadlines",
    scoringDeadline: "Scoring deadline",
    revealDeadline: "Reveal deadline",
    phase_scoring: "scoring",
    phase_revealing: "revealing",
    phase_finalized: "final",
    phase_cancelled: "cancelled",
    cancelledBecause: "This round was cancelled. Reason: {{reason}}",
    attendance: "Attendance",
    invited: "{{count}} seats invited",
    claimed: "{{count}} claimed",
    committed: "{{count}} submitted",
    revealed: "{{count}} revealed",
    absent: "{{count}} absent",
    recused: "{{count}} recused",
    seatStates: "Seats",
    seatNumber: "Seat {{number}}",
    state_invited: "invited",
    state_claimed: "claimed",
    state_committed: "submitted",
    state_revealed: "revealed",
    state_recused: "recused",
    seatScores: "Totals per evaluator",
    seatScoresNote:
      "Evaluator columns are shuffled with the lottery seed and names are masked.",
    evaluator: "Evaluator {{label}}",
    sheetOf: "{{label}}: scores and comments",
    comment: "Comment",
    timeline: "Steps recorded on chain",
    step: "Step",
    seat: "Seat",
    block: "Block",
    time: "Time",
    transaction: "Transaction",
    pledgeHash: "Pledge hash",
    step_created: "Round created",
    step_reissued: "Invite reissued",
    step_claimed: "Seat claimed, pledge signed",
    step_recused: "Recused",
    step_committed: "Sealed sheet submitted",
    step_closed: "Scoring closed",
    step_revealed: "Sheet revealed",
    step_finalized: "Result final",
    step_cancelled: "Round cancelled",
    recordFailed: "The evaluation record could not be read from the chain.",
    readFailed:
      "The round could not be read; the page tries again in a few seconds.",
    chain: "chain {{chainId}}",
    notUpdating: "not updating",
    staleSince:
      "The chain has not answered since {{since}}. This page shows the last data read, as of block {{block}}, which may be out of date. The page keeps retrying every few seconds.",
    staleAfterUpdate:
      "This page was last updated at {{updated}}, as of block {{block}}. Reads have not succeeded since then, so it may be out of date. The page keeps retrying every few seconds.",
    readOverdue:
      "The latest read has waited more than {{seconds}} s for an answer.",
    chainUnreachable:
      "The chain node cannot be reached. Try again in a moment.",
    unexpectedError:
      "An unexpected error occurred. If it persists, pass the details below to the administrator.",
    errorDetail: "Details:",
    wrongChainTitle: "This link is for another chain",
    wrongChainBody:
      "This link names a record on chain {{expected}}, but this server is connected to chain {{actual}}, so it cannot show or verify that record. Choose the round again from this server's round list.",
    listOnChain: "Rounds on chain {{chainId}}",
    noContractTitle: "No contract at this address",
    noContractBody:
      "Chain {{chainId}} has no contract code at {{registry}}, so the registry this link names does not exist on this chain. Check the registry address in the link, or choose the round from this server's round list.",
    notRegistryTitle: "Not an evaluation registry",
    notRegistryBody:
      "The contract at {{registry}} on chain {{chainId}} is not a Jurybox evaluation registry: its TALLY_VERSION() call failed. Check the registry address in the link, or choose the round from this server's round list.",
    servedRounds: "This server's round list",
    notInRegistryTitle: "Round not in this registry",
    notInRegistryBody:
      "Registry {{registry}} has no round {{roundId}}. Check the round number and registry address in the link, or choose the round from the round list.",
    downloads: "Downloads",
    download_json: "Evaluation record (JSON)",
    download_csv: "Scores (CSV)",
    download_ocds: "OCDS release (JSON)",
    downloadFailed: "The download failed: {{message}}",
    verifyTitle: "Verification",
    verifyNote:
      "Reads the chain's raw events through /rpc and runs every check again in this browser.",
    verify: "Recompute and verify from the chain",
    verifying: "Verifying…",
    verified: "Every check passed.",
    verifiedCancelled:
      "{{passed}} checks passed. The round was cancelled in block {{block}} (reason: {{reason}}), so the {{cancelled}} checks that need a result do not apply.",
    notVerified: "{{count}} checks failed.",
    check: {
      finalized: "The round is finalized",
      sequence: "Every event came in a phase and seat state that allows it",
      "claims-signed": "Every claim was signed by the seat's invite key",
      "pledges-signed":
        "Every pledge was signed by the device that claimed the seat",
      "sheets-signed":
        "Every committed sheet was signed by the device bound to its seat",
      "recusals-signed": "Every recusal was signed by the seat's device",
      "reveals-match":
        "Every reveal opens its seat's latest commitment from before scoring closed",
      "lottery-seed":
        "The lottery seed is keccak256 of the revealed salts in seat order",
      tally:
        "The on-chain result equals the tally recomputed from the revealed sheets",
      counts:
        "Seat counts (claimed, committed, revealed, recused, absent) agree with the events",
      escrow: "Every committed sheet carries an escrow copy",
    },
    outcome_passed: "passed",
    outcome_failed: "failed",
    outcome_cancelled: "not applicable (round cancelled)",
    failed: "Could not verify: {{message}}",
  },
  rounds: {
    title: "Evaluation rounds",
    number: "Round {{id}}",
    all: "All evaluation rounds",
    open: "In progress",
    done: "Final",
    cancelled: "Cancelled",
    none: "None",
    progress:
      "{{seats}} seats · {{claimed}} claimed · {{committed}} submitted · {{revealed}} revealed · {{recused}} recused",
    winner: "Preferred bidder: {{name}}",
    noWinner: "No qualified bidder",
    readFailed: "The round list could not be read from the chain: {{message}}",
  },
};

export const resultsStrings = { ko, en };
