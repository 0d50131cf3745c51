import type { Strings } from "./ko.ts";

// English strings of the tablet and the shared frame.
export const en: Strings = {
  app: {
    name: "Jurybox",
    skipToContent: "Skip to content",
    language: "Language",
    korean: "한국어",
    english: "English",
    loading: "Loading…",
    retry: "Try again",
    seat: "Seat {{seat}}",
    points: "{{value}} points",
    home: "Jurybox records evaluators' sealed score sheets on a chain and computes the result on chain. Evaluators scan their seat's QR code; administrators open the console.",
    openRounds: "See the public evaluation rounds",
    openAdmin: "Open the admin console",
  },
  status: {
    offline:
      "The server cannot be reached. Everything you entered is saved on this tablet and will be sent automatically once the server can be reached.",
    queued:
      "Queued: it will be sent automatically once the server can be reached.",
  },
  problem: {
    insecureTitle: "A secure connection is required",
    insecureBody:
      "This page can keep the sheet encrypted only on an HTTPS address or on localhost of this computer. Ask the administrator for a QR code with an HTTPS address.",
    storageTitle: "This browser cannot keep the sheet",
    storageBody:
      "Leave private browsing or allow site storage, then scan the QR code again.",
    invalidLinkTitle: "This link is not valid",
    invalidLinkBody: "Scan the seat's QR code again or ask the administrator.",
    invalidResultsLinkTitle: "This results link is not valid",
    invalidResultsLinkBody:
      "The link does not name a chain, a registry and a round in the expected form. Open the list of public rounds below and choose the round again.",
    wrongChainTitle: "Connected to another chain",
    wrongChainBody:
      "This QR code is for chain {{expected}} but the server is connected to chain {{actual}}. Tell the administrator.",
    notFoundTitle: "Round not found",
    notFoundBody:
      "Round {{roundId}} does not exist on this chain. Ask the administrator to check the QR code.",
    unreachableTitle: "The server cannot be reached",
    unreachableBody:
      "Check the network connection. The page retries by itself once it is back.",
    inviteUsedTitle: "This QR code was already used",
    inviteUsedBody:
      "This seat was already registered on another tablet with this QR code. Ask the administrator for a new QR code.",
    inviteReplacedTitle: "This QR code was replaced",
    inviteReplacedBody:
      "The administrator reissued this seat's QR code, so this code no longer works. Ask the administrator for the new QR code and scan it.",
    inviteMismatchTitle: "This QR code does not match the seat",
    inviteMismatchBody:
      "The key in this QR code does not match this seat. Ask the administrator for a new QR code.",
    noSessionTitle: "No seat is registered on this tablet",
    noSessionBody:
      "Scan the seat's QR code again. Without one, ask the administrator for a new code.",
    cancelledTitle: "The evaluation was cancelled",
    cancelledBody:
      "The administrator cancelled this evaluation. Reason: {{reason}}",
    closedTitle: "Scoring is closed",
    closedBody:
      "This seat's sheet was not submitted before scoring closed, so it is not part of the result.",
    deadlineTitle: "The deadline has passed",
    deadlineBody:
      "The scoring deadline ({{deadline}}) has passed, so the sheet can no longer be submitted. Ask the administrator.",
    recusedTitle: "Your recusal is recorded",
    recusedBody:
      "This seat takes no part in the evaluation. Please return the tablet to the administrator.",
    unexpectedTitle: "Something went wrong",
  },
  pledge: {
    title: "Evaluator's pledge",
    round: "{{title}} ({{reference}})",
    signNotice:
      "Pressing the button below signs the pledge above: the seat records that you agree to it.",
    sign: "Sign the pledge and start",
    signing: "Registering the seat…",
    failed: "The seat could not be registered: {{message}}",
    cannotSign:
      "If you cannot give this pledge (for example because of a conflict of interest), do not sign it and tell the administrator.",
  },
  sheet: {
    title: "Score sheet",
    bidders: "Bidders",
    tab: "{{name}}, subtotal {{total}}",
    maxPoints: "max {{max}} points",
    scoreLabel: "{{criterion}} score (max {{max}} points)",
    decrease: "Lower {{criterion}} by 1 point",
    increase: "Raise {{criterion}} by 1 point",
    comment: "Comment on {{name}} (optional)",
    subtotal: "Subtotal",
    subtotalValue: "{{total}} / {{max}} points",
    saved: "Saved on this tablet ({{time}})",
    notSaved: "Could not save: {{message}}",
    previous: "Previous bidder",
    next: "Next bidder",
    review: "Review",
    recuse: "Recuse",
    missing: "{{count}} scores missing",
    submitted:
      "You are changing a submitted sheet. Review and submit it again for the change to count.",
    deadline: "Scoring deadline: {{time}}",
  },
  score: {
    aboveMax: "The score cannot exceed the maximum of {{max}} points.",
    decimals: "Enter at most two decimals.",
    format: "Enter a number of 0 or more (e.g. 72.5).",
  },
  review: {
    title: "Review the sheet",
    intro:
      "You sign the sheet below once to submit it. Until scoring closes you can change it and submit again.",
    incomplete:
      "Some scores are missing or invalid. Go back to the sheet to fix them.",
    criterion: "Criterion",
    total: "Total",
    comments: "Comments",
    noComment: "(none)",
    back: "Back to the sheet",
    submit: "Sign and submit",
    confirmTitle: "Submit the sheet?",
    confirmBody:
      "Submitting seals the scores and records them on the chain. Until scoring closes you can change them and submit again.",
    confirm: "Submit",
    cancel: "Cancel",
    signing: "Signing…",
  },
  waiting: {
    title: "Submitted",
    savedTitle: "Sheet signed and saved on this tablet, not sent yet",
    savedBody:
      "Submission ends when the sheet is recorded on the chain. Keep this tablet's page open until the heading reads “Submitted”.",
    sending: "Sending…",
    queued:
      "Waiting for the server: it will be sent automatically once the server can be reached.",
    onChain: "Recorded on the chain ({{time}}).",
    failed: "Could not send: {{message}}",
    committee: "Committee progress",
    committed: "Submitted",
    claimed: "Registered",
    recused: "Recused",
    seats: "Seats",
    hint: "When every evaluator has submitted or the administrator closes scoring, this tablet opens its sheet by itself. Keep the screen on and wait.",
    edit: "Change my sheet",
    revealing: "Scoring is closed; opening the sheet…",
    revealed:
      "The sheet is open. Waiting for the other evaluators ({{revealed}} / {{committed}}).",
    revealFailed: "Could not open the sheet: {{message}}",
  },
  result: {
    title: "Result",
    asOf: "As of block {{block}} ({{time}})",
    rank: "Rank",
    bidder: "Bidder",
    technical: "Technical",
    price: "Price",
    total: "Total",
    qualified: "Qualified",
    yes: "Qualified",
    no: "Not qualified",
    order: "Negotiation order",
    winner: "Preferred bidder: {{name}}",
    noWinner: "No bidder qualified.",
    caption: "Result per bidder, by total",
    publicPage: "Verify on the public result page",
  },
  recuse: {
    title: "Recuse",
    body: "If you cannot take part in this evaluation (for example because of a conflict of interest), give the reason and recuse. This cannot be undone and the seat takes no part in the evaluation.",
    reason: "Reason",
    reasonRequired: "Enter a reason.",
    submit: "Recuse",
    back: "Back",
    sending: "Recording…",
    failed: "The recusal could not be recorded: {{message}}",
  },
};
