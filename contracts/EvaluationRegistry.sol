// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

import {
    IEvaluationRegistry,
    PHASE_NONE,
    PHASE_SCORING,
    PHASE_REVEALING,
    PHASE_FINALIZED,
    PHASE_CANCELLED,
    SEAT_INVITED,
    SEAT_CLAIMED,
    SEAT_COMMITTED,
    SEAT_REVEALED,
    SEAT_RECUSED
} from "./interfaces/IEvaluationRegistry.sol";
import {Tally} from "./libraries/Tally.sol";
import {
    BidderResult,
    Bidder,
    Criterion,
    RoundParams,
    Rules,
    TallyInput,
    TRIM_NONE,
    SCORING_ABSOLUTE,
    SCORING_RELATIVE_TO_BEST,
    PRICE_KR_NEGOTIATED,
    PRICE_GIVEN,
    TIE_LOTTERY
} from "./RoundTypes.sol";

/// @title EvaluationRegistry
/// @notice Holds every evaluation round: seats, sealed sheets, reveals and the result computed by {Tally}.
contract EvaluationRegistry is IEvaluationRegistry, AccessControl, EIP712 {
    /// @inheritdoc IEvaluationRegistry
    bytes32 public constant ROUND_ADMIN_ROLE = keccak256("ROUND_ADMIN_ROLE");

    /// @inheritdoc IEvaluationRegistry
    string public constant TALLY_VERSION = "jurybox-tally-1";

    bytes32 private constant CLAIM_TYPEHASH = keccak256("Claim(uint256 roundId,uint16 seat,address device)");
    bytes32 private constant PLEDGE_TYPEHASH = keccak256("Pledge(uint256 roundId,uint16 seat,bytes32 pledgeHash)");
    bytes32 private constant SHEET_TYPEHASH = keccak256("Sheet(uint256 roundId,uint16 seat,bytes32 commitment)");
    bytes32 private constant RECUSAL_TYPEHASH = keccak256("Recusal(uint256 roundId,uint16 seat,bytes32 reasonHash)");

    /// @dev Written into a seat's commitment slot at claim time, so the first commit updates a non-zero slot
    /// (2,900 gas) instead of filling an empty one (20,000 gas). It is never read as a commitment, because the seat
    /// state tells whether the slot contains one.
    bytes32 private constant COMMITMENT_PLACEHOLDER = bytes32(uint256(1));

    /// @dev The quantitative flags of a round's criteria are the bits of one word.
    uint256 private constant MAX_CRITERIA = 256;
    /// @dev Seats, bidders, ranks and counters are uint16.
    uint256 private constant MAX_COUNT = type(uint16).max;

    bytes1 private constant ESCROW_VERSION = 0x01;
    /// @dev Version byte, compressed ephemeral key, nonce and the 16-byte authentication tag.
    uint256 private constant ESCROW_MIN_LENGTH = 1 + 33 + 24 + 16;
    uint256 private constant ESCROW_KEY_LENGTH = 33;

    /// @dev uint16 values packed into one storage word, lowest bits first.
    uint256 private constant VALUES_PER_WORD = 16;

    /// @dev Three slots. The first contains everything a commit and a reveal touch on the seat.
    struct Seat {
        uint8 state;
        address device;
        uint40 committedAt;
        uint40 revealedAt;
        address invite;
        uint40 claimedAt;
        // The latest commitment while committed, the salt once revealed.
        bytes32 commitment;
    }

    struct Price {
        uint128 bidPrice;
        uint32 priceScore;
    }

    struct Round {
        // Slot 0: everything a commit reads and writes, including the commit that closes scoring. Times are
        // uint40 here (valid until the year 36812) so that they fit in the slot.
        uint8 phase;
        uint16 seatCount;
        uint16 claimed;
        uint16 committed;
        uint16 revealed;
        uint16 recused;
        uint16 minEvaluators;
        uint40 scoringDeadline;
        uint40 revealDeadline;
        uint40 closedAt;
        // Slot 1.
        address admin;
        uint64 createdAt;
        // Slot 2.
        uint64 finalizedAt;
        uint8 trim;
        uint8 technicalScoring;
        uint8 priceFormula;
        uint8 qualifyingPercent;
        uint32 technicalWeight;
        uint32 priceWeight;
        uint16 bidderCount;
        uint16 criterionCount;
        // Slot 3. Tie-break step i is byte i of `tieBreakSteps`.
        uint128 estimatedPrice;
        uint16 qualitativeCount;
        uint8 tieBreakLength;
        uint24 tieBreakSteps;
        // Bit c is set when criterion c is quantitative.
        uint256 quantitativeMask;
        bytes32 lotterySeed;
        mapping(uint256 word => uint256) maxPointsWords;
        // Flat bidder-major over the quantitative criteria, packed.
        mapping(uint256 word => uint256) quantitativeWords;
        mapping(uint256 bidder => Price) prices;
        mapping(uint256 seat => Seat) seats;
        // Each revealed sheet, packed, under the key seat << 128 | word.
        mapping(uint256 key => uint256) scoreWords;
        mapping(uint256 bidder => BidderResult) results;
    }

    uint256 private _roundCount;
    mapping(uint256 roundId => Round) private _rounds;
    mapping(address invite => bool) private _inviteSpent;

    /// @param admin The account that receives `DEFAULT_ADMIN_ROLE` and `ROUND_ADMIN_ROLE`.
    constructor(address admin) EIP712("Jurybox", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ROUND_ADMIN_ROLE, admin);
    }

    // ==== Create ====

    /// @inheritdoc IEvaluationRegistry
    function createRound(RoundParams calldata params) external onlyRole(ROUND_ADMIN_ROLE) returns (uint256 roundId) {
        roundId = ++_roundCount;
        Round storage round = _rounds[roundId];

        _storeRules(round, params.rules);
        uint256 maxPointsSum = _storeCriteria(round, params.criteria);
        if (params.rules.technicalScoring == SCORING_ABSOLUTE && maxPointsSum != params.rules.technicalWeight) {
            revert RegistryMaxPointsSumMismatch(maxPointsSum, params.rules.technicalWeight);
        }
        _storeBidders(round, params);
        _storeSeats(round, roundId, params.invites);
        _storeSchedule(round, params);

        emit RoundCreated(roundId, msg.sender, params, TALLY_VERSION);
    }

    function _storeRules(Round storage round, Rules calldata rules) private {
        if (rules.trim > TRIM_NONE) revert RegistryInvalidTrim(rules.trim);
        if (rules.technicalScoring > SCORING_RELATIVE_TO_BEST) {
            revert RegistryInvalidTechnicalScoring(rules.technicalScoring);
        }
        if (rules.priceFormula > PRICE_GIVEN) revert RegistryInvalidPriceFormula(rules.priceFormula);
        if (rules.qualifyingPercent > 100) revert RegistryInvalidQualifyingPercent(rules.qualifyingPercent);
        if (rules.technicalWeight == 0) revert RegistryZeroTechnicalWeight();
        if (rules.priceFormula == PRICE_KR_NEGOTIATED) {
            if (rules.estimatedPrice == 0) revert RegistryMissingEstimatedPrice();
        } else if (rules.estimatedPrice != 0) {
            revert RegistryUnexpectedEstimatedPrice(rules.estimatedPrice);
        }

        round.trim = rules.trim;
        round.technicalScoring = rules.technicalScoring;
        round.priceFormula = rules.priceFormula;
        round.qualifyingPercent = rules.qualifyingPercent;
        round.technicalWeight = rules.technicalWeight;
        round.priceWeight = rules.priceWeight;
        round.estimatedPrice = rules.estimatedPrice;
        round.tieBreakLength = uint8(rules.tieBreak.length);
        round.tieBreakSteps = _packTieBreak(rules.tieBreak);
    }

    function _packTieBreak(uint8[] calldata steps) private pure returns (uint24 packed) {
        for (uint256 i; i < steps.length; ++i) {
            uint8 step = steps[i];
            if (i >= 3 || step > TIE_LOTTERY) revert RegistryInvalidTieBreak(i, step);
            for (uint256 j; j < i; ++j) {
                if (steps[j] == step) revert RegistryInvalidTieBreak(i, step);
            }
            packed |= uint24(step) << uint24(8 * i);
        }
    }

    /// @dev Stores the maxima and kinds, and returns the sum of every maximum.
    function _storeCriteria(Round storage round, Criterion[] calldata criteria) private returns (uint256 sum) {
        uint256 count = criteria.length;
        if (count == 0 || count > MAX_CRITERIA) revert RegistryInvalidCriterionCount(count, MAX_CRITERIA);

        uint256 mask;
        uint256 word;
        for (uint256 c; c < count; ++c) {
            uint16 maxPoints = criteria[c].maxPoints;
            if (maxPoints == 0) revert RegistryZeroMaxPoints(c);
            sum += maxPoints;
            if (criteria[c].quantitative) mask |= 1 << c;
            word |= uint256(maxPoints) << (16 * (c % VALUES_PER_WORD));
            if (c % VALUES_PER_WORD == VALUES_PER_WORD - 1 || c + 1 == count) {
                round.maxPointsWords[c / VALUES_PER_WORD] = word;
                word = 0;
            }
        }
        uint256 qualitative = count - _popCount(mask);
        if (qualitative == 0) revert RegistryNoQualitativeCriterion();

        round.criterionCount = uint16(count);
        round.qualitativeCount = uint16(qualitative);
        round.quantitativeMask = mask;
    }

    function _storeBidders(Round storage round, RoundParams calldata params) private {
        Bidder[] calldata bidders = params.bidders;
        uint256 count = bidders.length;
        if (count == 0 || count > MAX_COUNT) revert RegistryInvalidBidderCount(count, MAX_COUNT);

        uint16[] memory quantitativeMaxima = _quantitativeMaxima(params.criteria);
        bytes32[] memory nameHashes = new bytes32[](count);
        for (uint256 b; b < count; ++b) {
            _storePrice(round, params.rules, b, bidders[b]);
            _storeQuantitativeScores(round, quantitativeMaxima, b, bidders[b].quantitativeScores);
            nameHashes[b] = keccak256(bytes(bidders[b].name));
            for (uint256 other; other < b; ++other) {
                if (nameHashes[other] == nameHashes[b]) revert RegistryDuplicateBidderName(other, b);
            }
        }
        round.bidderCount = uint16(count);
    }

    function _storePrice(Round storage round, Rules calldata rules, uint256 b, Bidder calldata bidder) private {
        uint128 bidPrice = bidder.bidPrice;
        uint32 priceScore = bidder.priceScore;
        if (rules.priceFormula == PRICE_GIVEN) {
            if (bidPrice != 0) revert RegistryUnexpectedBidPrice(b, bidPrice);
            uint256 maximum = uint256(rules.priceWeight) * 100;
            if (priceScore > maximum) revert RegistryPriceScoreAboveWeight(b, priceScore, maximum);
        } else {
            if (bidPrice == 0) revert RegistryMissingBidPrice(b);
            if (priceScore != 0) revert RegistryUnexpectedPriceScore(b, priceScore);
        }
        if (bidPrice != 0 || priceScore != 0) round.prices[b] = Price(bidPrice, priceScore);
    }

    function _storeQuantitativeScores(
        Round storage round,
        uint16[] memory maxima,
        uint256 b,
        uint16[] calldata scores
    ) private {
        uint256 count = maxima.length;
        if (scores.length != count) revert RegistryQuantitativeScoreCountMismatch(b, scores.length, count);
        for (uint256 k; k < count; ++k) {
            if (scores[k] > maxima[k]) revert RegistryQuantitativeScoreAboveMax(b, k, scores[k], maxima[k]);
            _writePacked(round.quantitativeWords, b * count + k, scores[k]);
        }
    }

    function _quantitativeMaxima(Criterion[] calldata criteria) private pure returns (uint16[] memory maxima) {
        uint256 count;
        for (uint256 c; c < criteria.length; ++c) {
            if (criteria[c].quantitative) ++count;
        }
        maxima = new uint16[](count);
        uint256 k;
        for (uint256 c; c < criteria.length; ++c) {
            if (criteria[c].quantitative) maxima[k++] = criteria[c].maxPoints;
        }
    }

    function _storeSeats(Round storage round, uint256 roundId, address[] calldata invites) private {
        uint256 count = invites.length;
        if (count == 0 || count > MAX_COUNT) revert RegistryInvalidSeatCount(count, MAX_COUNT);
        for (uint256 seat; seat < count; ++seat) {
            address invite = invites[seat];
            if (invite == address(0) || _inviteSpent[invite]) {
                revert RegistryInvalidInvite(roundId, uint16(seat), invite);
            }
            for (uint256 other; other < seat; ++other) {
                if (invites[other] == invite) revert RegistryInvalidInvite(roundId, uint16(seat), invite);
            }
            round.seats[seat].invite = invite;
        }
        round.seatCount = uint16(count);
    }

    function _storeSchedule(Round storage round, RoundParams calldata params) private {
        uint16 minEvaluators = params.rules.minEvaluators;
        uint256 lowest = params.rules.trim == TRIM_NONE ? 1 : 3;
        if (minEvaluators < lowest || minEvaluators > params.invites.length) {
            revert RegistryInvalidMinEvaluators(minEvaluators, lowest, params.invites.length);
        }
        uint64 scoringDeadline = params.scoringDeadline;
        uint64 revealDeadline = params.revealDeadline;
        if (
            scoringDeadline <= block.timestamp ||
            revealDeadline <= scoringDeadline ||
            revealDeadline > type(uint40).max
        ) {
            revert RegistryInvalidDeadlines(scoringDeadline, revealDeadline, block.timestamp);
        }
        bytes calldata key = params.escrowPublicKey;
        bytes1 prefix = key.length == 0 ? bytes1(0) : key[0];
        if (key.length != ESCROW_KEY_LENGTH || (prefix != 0x02 && prefix != 0x03)) {
            revert RegistryInvalidEscrowKey(key.length, prefix);
        }

        round.minEvaluators = minEvaluators;
        // Both deadlines are below type(uint40).max, checked above.
        round.scoringDeadline = uint40(scoringDeadline);
        round.revealDeadline = uint40(revealDeadline);
        round.admin = msg.sender;
        round.createdAt = uint64(block.timestamp);
        round.phase = PHASE_SCORING;
    }

    // ==== Seats ====

    /// @inheritdoc IEvaluationRegistry
    function claimSeat(
        uint256 roundId,
        uint16 seat,
        address device,
        bytes32 pledgeHash,
        bytes calldata inviteSig,
        bytes calldata pledgeSig
    ) external {
        Round storage round = _roundInPhase(roundId, PHASE_SCORING);
        Seat storage slot = _seat(round, roundId, seat);

        address invite = _recover(_claimDigest(roundId, seat, device), inviteSig);
        if (_inviteSpent[invite]) revert RegistryInviteUsed(roundId, seat, invite);
        // Claiming and reissuing spend the seat's invite, so a seat whose invite is unspent is still invited.
        if (invite != slot.invite) revert RegistryInviteMismatch(roundId, seat, invite, slot.invite);
        _requireDeviceSignature(roundId, seat, device, _pledgeDigest(roundId, seat, pledgeHash), pledgeSig);

        _inviteSpent[invite] = true;
        slot.state = SEAT_CLAIMED;
        slot.device = device;
        slot.claimedAt = uint40(block.timestamp);
        slot.commitment = COMMITMENT_PLACEHOLDER;
        round.claimed += 1;
        emit SeatClaimed(roundId, seat, device, pledgeHash);
    }

    /// @inheritdoc IEvaluationRegistry
    function reissueSeat(uint256 roundId, uint16 seat, address newInvite) external {
        Round storage round = _roundOfAdmin(roundId);
        _requirePhase(round, roundId, PHASE_SCORING);
        Seat storage slot = _seat(round, roundId, seat);
        uint8 state = slot.state;
        if (state != SEAT_INVITED && state != SEAT_CLAIMED) revert RegistrySeatStateNotAllowed(roundId, seat, state);
        if (newInvite == address(0) || _inviteSpent[newInvite] || newInvite == slot.invite) {
            revert RegistryInvalidInvite(roundId, seat, newInvite);
        }

        // The replaced invite must never claim again, also when it was never used.
        _inviteSpent[slot.invite] = true;
        if (state == SEAT_CLAIMED) round.claimed -= 1;
        slot.state = SEAT_INVITED;
        slot.device = address(0);
        slot.claimedAt = 0;
        slot.invite = newInvite;
        emit SeatReissued(roundId, seat, newInvite);
    }

    /// @inheritdoc IEvaluationRegistry
    function recuse(uint256 roundId, uint16 seat, string calldata reason, bytes calldata deviceSig) external {
        Round storage round = _roundInPhase(roundId, PHASE_SCORING);
        Seat storage slot = _seat(round, roundId, seat);
        if (slot.state != SEAT_CLAIMED) revert RegistrySeatStateNotAllowed(roundId, seat, slot.state);
        if (bytes(reason).length == 0) revert RegistryEmptyReason(roundId);
        bytes32 digest = _recusalDigest(roundId, seat, keccak256(bytes(reason)));
        _requireDeviceSignature(roundId, seat, slot.device, digest, deviceSig);

        slot.state = SEAT_RECUSED;
        round.claimed -= 1;
        round.recused += 1;
        emit SeatRecused(roundId, seat, reason);
        _closeIfComplete(round, roundId);
    }

    // ==== Commit and close ====

    /// @inheritdoc IEvaluationRegistry
    function commitSheet(
        uint256 roundId,
        uint16 seat,
        bytes32 commitment,
        bytes calldata sheetSig,
        bytes calldata escrow
    ) external {
        Round storage round = _roundInPhase(roundId, PHASE_SCORING);
        _requireBefore(roundId, round.scoringDeadline);
        Seat storage slot = _seat(round, roundId, seat);
        uint8 state = slot.state;
        if (state != SEAT_CLAIMED && state != SEAT_COMMITTED) revert RegistrySeatStateNotAllowed(roundId, seat, state);
        if (commitment == 0) revert RegistryZeroCommitment(roundId, seat);
        _validateEscrow(roundId, seat, escrow);
        _requireDeviceSignature(roundId, seat, slot.device, _sheetDigest(roundId, seat, commitment), sheetSig);

        slot.commitment = commitment;
        slot.state = SEAT_COMMITTED;
        slot.committedAt = uint40(block.timestamp);
        emit SheetCommitted(roundId, seat, commitment, escrow);

        if (state == SEAT_CLAIMED) {
            round.committed += 1;
            _closeIfComplete(round, roundId);
        }
    }

    /// @inheritdoc IEvaluationRegistry
    function closeScoring(uint256 roundId) external {
        Round storage round = _roundOfAdmin(roundId);
        _requirePhase(round, roundId, PHASE_SCORING);
        _requireReached(roundId, round.scoringDeadline);
        if (round.committed < round.minEvaluators) {
            revert RegistryQuorumNotMet(roundId, round.committed, round.minEvaluators);
        }
        _closeScoring(round, roundId, false);
    }

    function _validateEscrow(uint256 roundId, uint16 seat, bytes calldata escrow) private pure {
        if (escrow.length == 0) return;
        if (escrow.length < ESCROW_MIN_LENGTH || escrow[0] != ESCROW_VERSION) {
            revert RegistryInvalidEscrow(roundId, seat, escrow.length, escrow[0]);
        }
    }

    /// @dev Closes scoring when every seat committed or recused, if the quorum committed.
    function _closeIfComplete(Round storage round, uint256 roundId) private {
        uint16 committed = round.committed;
        if (committed + round.recused == round.seatCount && committed >= round.minEvaluators) {
            _closeScoring(round, roundId, true);
        }
    }

    function _closeScoring(Round storage round, uint256 roundId, bool automatic) private {
        round.phase = PHASE_REVEALING;
        round.closedAt = uint40(block.timestamp);
        // Committed and recused seats are disjoint subsets of the seats, so the difference is not negative.
        uint16 absent = round.seatCount - round.committed - round.recused;
        emit ScoringClosed(roundId, round.committed, absent, automatic);
    }

    // ==== Reveal and finalize ====

    /// @inheritdoc IEvaluationRegistry
    function revealSheet(
        uint256 roundId,
        uint16 seat,
        uint16[] calldata scores,
        string[] calldata comments,
        bytes32 salt
    ) external {
        Round storage round = _roundInPhase(roundId, PHASE_REVEALING);
        _requireBefore(roundId, round.revealDeadline);
        Seat storage slot = _seat(round, roundId, seat);
        if (slot.state != SEAT_COMMITTED) revert RegistrySeatStateNotAllowed(roundId, seat, slot.state);
        _requireSheetShape(round, roundId, seat, scores.length, comments.length);
        _requireOpens(slot, roundId, seat, _commitment(roundId, seat, scores, _hashComments(comments), salt));
        _storeScores(round, roundId, seat, scores);

        slot.commitment = salt;
        slot.state = SEAT_REVEALED;
        slot.revealedAt = uint40(block.timestamp);
        round.revealed += 1;
        emit SheetRevealed(roundId, seat, scores, comments, salt);

        if (round.revealed == round.committed) _finalize(round, roundId);
    }

    /// @inheritdoc IEvaluationRegistry
    function finalize(uint256 roundId) external {
        Round storage round = _roundInPhase(roundId, PHASE_REVEALING);
        _requireReached(roundId, round.revealDeadline);
        if (round.revealed < round.minEvaluators) {
            revert RegistryQuorumNotMet(roundId, round.revealed, round.minEvaluators);
        }
        _finalize(round, roundId);
    }

    /// @inheritdoc IEvaluationRegistry
    function cancelRound(uint256 roundId, string calldata reason) external {
        Round storage round = _roundOfAdmin(roundId);
        uint8 phase = round.phase;
        if (phase != PHASE_SCORING && phase != PHASE_REVEALING) revert RegistryRoundEnded(roundId, phase);
        if (bytes(reason).length == 0) revert RegistryEmptyReason(roundId);

        round.phase = PHASE_CANCELLED;
        emit RoundCancelled(roundId, reason);
    }

    function _requireSheetShape(
        Round storage round,
        uint256 roundId,
        uint16 seat,
        uint256 scoreCount,
        uint256 commentCount
    ) private view {
        uint256 bidders = round.bidderCount;
        uint256 expected = bidders * round.qualitativeCount;
        if (scoreCount != expected) revert RegistryScoreCountMismatch(roundId, seat, scoreCount, expected);
        if (commentCount != bidders) revert RegistryCommentCountMismatch(roundId, seat, commentCount, bidders);
    }

    function _requireOpens(Seat storage slot, uint256 roundId, uint16 seat, bytes32 computed) private view {
        bytes32 committed = slot.commitment;
        if (computed != committed) revert RegistryCommitmentMismatch(roundId, seat, computed, committed);
    }

    /// @dev Checks every score against its criterion's maximum and stores the sheet packed.
    function _storeScores(Round storage round, uint256 roundId, uint16 seat, uint16[] calldata scores) private {
        uint16[] memory maxima = _qualitativeMaxima(round);
        uint256 qualitative = maxima.length;
        uint256 base = uint256(seat) << 128;
        uint256 count = scores.length;
        uint256 criterion;
        // Indexes stay below `count` (a calldata length) and shifts below 256, so nothing can overflow.
        unchecked {
            for (uint256 start; start < count; start += VALUES_PER_WORD) {
                uint256 end = _min(start + VALUES_PER_WORD, count);
                uint256 word;
                for (uint256 i = start; i < end; ++i) {
                    uint256 score;
                    uint256 maximum;
                    // In bounds: i < scores.length and criterion < maxima.length. The raw word is checked against a
                    // uint16 maximum below, which also rejects a word that is not a clean uint16.
                    assembly ("memory-safe") {
                        score := calldataload(add(scores.offset, shl(5, i)))
                        maximum := mload(add(maxima, shl(5, add(criterion, 1))))
                    }
                    if (score > maximum) revert RegistryScoreAboveMax(roundId, seat, i, uint16(score), uint16(maximum));
                    word |= score << ((i - start) << 4);
                    if (++criterion == qualitative) criterion = 0;
                }
                round.scoreWords[base | (start / VALUES_PER_WORD)] = word;
            }
        }
    }

    function _finalize(Round storage round, uint256 roundId) private {
        TallyInput memory input = _tallyInput(round);
        BidderResult[] memory results = Tally.compute(input);
        for (uint256 b; b < results.length; ++b) {
            round.results[b] = results[b];
        }

        round.lotterySeed = input.lotterySeed;
        round.phase = PHASE_FINALIZED;
        round.finalizedAt = uint64(block.timestamp);
        emit RoundFinalized(roundId, input.lotterySeed, round.revealed, results);
    }

    function _tallyInput(Round storage round) private view returns (TallyInput memory input) {
        input.trim = round.trim;
        input.technicalScoring = round.technicalScoring;
        input.priceFormula = round.priceFormula;
        input.qualifyingPercent = round.qualifyingPercent;
        input.technicalWeight = round.technicalWeight;
        input.priceWeight = round.priceWeight;
        input.estimatedPrice = round.estimatedPrice;
        input.tieBreak = _tieBreak(round);
        (input.maxPoints, input.quantitative) = _criteria(round);
        (input.bidPrices, input.givenPriceScores) = _prices(round);
        input.quantitativeScores = _quantitativeScores(round, input.quantitative.length - round.qualitativeCount);
        (input.sheets, input.lotterySeed) = _revealedSheets(round);
    }

    function _tieBreak(Round storage round) private view returns (uint8[] memory steps) {
        uint24 packed = round.tieBreakSteps;
        steps = new uint8[](round.tieBreakLength);
        for (uint256 i; i < steps.length; ++i) {
            steps[i] = uint8(packed >> (8 * i));
        }
    }

    function _criteria(Round storage round) private view returns (uint16[] memory maxima, bool[] memory quantitative) {
        uint256 count = round.criterionCount;
        uint256 mask = round.quantitativeMask;
        maxima = _readPacked(round.maxPointsWords, 0, count);
        quantitative = new bool[](count);
        for (uint256 c; c < count; ++c) {
            quantitative[c] = mask & (1 << c) != 0;
        }
    }

    function _qualitativeMaxima(Round storage round) private view returns (uint16[] memory maxima) {
        (uint16[] memory all, bool[] memory quantitative) = _criteria(round);
        maxima = new uint16[](round.qualitativeCount);
        uint256 q;
        for (uint256 c; c < all.length; ++c) {
            if (!quantitative[c]) maxima[q++] = all[c];
        }
    }

    function _prices(Round storage round) private view returns (uint128[] memory bids, uint32[] memory given) {
        uint256 count = round.bidderCount;
        bids = new uint128[](count);
        given = new uint32[](count);
        for (uint256 b; b < count; ++b) {
            Price storage price = round.prices[b];
            bids[b] = price.bidPrice;
            given[b] = price.priceScore;
        }
    }

    function _quantitativeScores(
        Round storage round,
        uint256 perBidder
    ) private view returns (uint16[][] memory scores) {
        uint256 count = round.bidderCount;
        scores = new uint16[][](count);
        for (uint256 b; b < count; ++b) {
            scores[b] = _readPacked(round.quantitativeWords, b * perBidder, perBidder);
        }
    }

    /// @dev Returns the revealed sheets in seat order and keccak256 of their salts in the same order.
    function _revealedSheets(Round storage round) private view returns (uint16[][] memory sheets, bytes32 seed) {
        uint256 seats = round.seatCount;
        uint256 length = uint256(round.bidderCount) * round.qualitativeCount;
        sheets = new uint16[][](round.revealed);
        bytes32[] memory salts = new bytes32[](round.revealed);
        uint256 n;
        for (uint256 seat; seat < seats; ++seat) {
            Seat storage slot = round.seats[seat];
            if (slot.state != SEAT_REVEALED) continue;
            sheets[n] = _readPacked(round.scoreWords, 0, length, seat << 128);
            salts[n] = slot.commitment;
            ++n;
        }
        // Packed encoding of bytes32 values is their concatenation.
        seed = keccak256(abi.encodePacked(salts));
    }

    // ==== Views ====

    /// @inheritdoc IEvaluationRegistry
    function roundCount() external view returns (uint256) {
        return _roundCount;
    }

    /// @inheritdoc IEvaluationRegistry
    function getRound(uint256 roundId) external view returns (RoundStatus memory status) {
        Round storage round = _round(roundId);
        status.admin = round.admin;
        status.phase = round.phase;
        status.seats = round.seatCount;
        status.claimed = round.claimed;
        status.committed = round.committed;
        status.revealed = round.revealed;
        status.recused = round.recused;
        status.minEvaluators = round.minEvaluators;
        status.bidders = round.bidderCount;
        status.criteria = round.criterionCount;
        status.qualitativeCriteria = round.qualitativeCount;
        status.scoringDeadline = round.scoringDeadline;
        status.revealDeadline = round.revealDeadline;
        status.createdAt = round.createdAt;
        status.closedAt = round.closedAt;
        status.finalizedAt = round.finalizedAt;
    }

    /// @inheritdoc IEvaluationRegistry
    function getSeat(uint256 roundId, uint16 seat) external view returns (SeatStatus memory status) {
        Round storage round = _round(roundId);
        Seat storage slot = _seat(round, roundId, seat);
        status.state = slot.state;
        status.device = slot.device;
        status.invite = slot.invite;
        if (slot.state == SEAT_COMMITTED) status.commitment = slot.commitment;
        if (slot.state == SEAT_REVEALED) status.salt = slot.commitment;
        status.claimedAt = slot.claimedAt;
        status.committedAt = slot.committedAt;
        status.revealedAt = slot.revealedAt;
    }

    /// @inheritdoc IEvaluationRegistry
    function getRevealedScores(uint256 roundId, uint16 seat) external view returns (uint16[] memory) {
        Round storage round = _round(roundId);
        Seat storage slot = _seat(round, roundId, seat);
        if (slot.state != SEAT_REVEALED) revert RegistrySeatStateNotAllowed(roundId, seat, slot.state);
        uint256 length = uint256(round.bidderCount) * round.qualitativeCount;
        return _readPacked(round.scoreWords, 0, length, uint256(seat) << 128);
    }

    /// @inheritdoc IEvaluationRegistry
    function getResult(uint256 roundId) external view returns (BidderResult[] memory results, bytes32 lotterySeed) {
        Round storage round = _round(roundId);
        _requirePhase(round, roundId, PHASE_FINALIZED);
        results = new BidderResult[](round.bidderCount);
        for (uint256 b; b < results.length; ++b) {
            results[b] = round.results[b];
        }
        lotterySeed = round.lotterySeed;
    }

    /// @inheritdoc IEvaluationRegistry
    function isInviteSpent(address invite) external view returns (bool) {
        return _inviteSpent[invite];
    }

    /// @inheritdoc IEvaluationRegistry
    function computeCommitment(
        uint256 roundId,
        uint16 seat,
        uint16[] calldata scores,
        bytes32 commentsHash,
        bytes32 salt
    ) external pure returns (bytes32) {
        return _commitment(roundId, seat, scores, commentsHash, salt);
    }

    /// @inheritdoc IEvaluationRegistry
    function hashComments(string[] calldata comments) external pure returns (bytes32) {
        return _hashComments(comments);
    }

    /// @inheritdoc IEvaluationRegistry
    function claimDigest(uint256 roundId, uint16 seat, address device) external view returns (bytes32) {
        return _claimDigest(roundId, seat, device);
    }

    /// @inheritdoc IEvaluationRegistry
    function pledgeDigest(uint256 roundId, uint16 seat, bytes32 pledgeHash) external view returns (bytes32) {
        return _pledgeDigest(roundId, seat, pledgeHash);
    }

    /// @inheritdoc IEvaluationRegistry
    function sheetDigest(uint256 roundId, uint16 seat, bytes32 commitment) external view returns (bytes32) {
        return _sheetDigest(roundId, seat, commitment);
    }

    /// @inheritdoc IEvaluationRegistry
    function recusalDigest(uint256 roundId, uint16 seat, bytes32 reasonHash) external view returns (bytes32) {
        return _recusalDigest(roundId, seat, reasonHash);
    }

    // ==== Internal helpers ====

    function _round(uint256 roundId) private view returns (Round storage round) {
        round = _rounds[roundId];
        if (round.phase == PHASE_NONE) revert RegistryUnknownRound(roundId);
    }

    function _roundInPhase(uint256 roundId, uint8 phase) private view returns (Round storage round) {
        round = _round(roundId);
        _requirePhase(round, roundId, phase);
    }

    function _roundOfAdmin(uint256 roundId) private view returns (Round storage round) {
        round = _round(roundId);
        if (msg.sender != round.admin || !hasRole(ROUND_ADMIN_ROLE, msg.sender)) {
            revert RegistryNotRoundAdmin(roundId, msg.sender);
        }
    }

    function _requirePhase(Round storage round, uint256 roundId, uint8 phase) private view {
        if (round.phase != phase) revert RegistryRoundNotInPhase(roundId, round.phase, phase);
    }

    function _seat(Round storage round, uint256 roundId, uint16 seat) private view returns (Seat storage) {
        if (seat >= round.seatCount) revert RegistryUnknownSeat(roundId, seat, round.seatCount);
        return round.seats[seat];
    }

    function _requireBefore(uint256 roundId, uint64 deadline) private view {
        if (block.timestamp >= deadline) revert RegistryDeadlinePassed(roundId, deadline, block.timestamp);
    }

    function _requireReached(uint256 roundId, uint64 deadline) private view {
        if (block.timestamp < deadline) revert RegistryDeadlineNotReached(roundId, deadline, block.timestamp);
    }

    function _requireDeviceSignature(
        uint256 roundId,
        uint16 seat,
        address device,
        bytes32 digest,
        bytes calldata signature
    ) private pure {
        address signer = _recover(digest, signature);
        if (device == address(0) || signer != device) revert RegistryDeviceMismatch(roundId, seat, signer, device);
    }

    /// @dev Returns the signer, or zero for a malformed or high-s signature.
    function _recover(bytes32 digest, bytes calldata signature) private pure returns (address signer) {
        (signer, , ) = ECDSA.tryRecoverCalldata(digest, signature);
    }

    function _claimDigest(uint256 roundId, uint16 seat, address device) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(CLAIM_TYPEHASH, roundId, seat, device)));
    }

    function _pledgeDigest(uint256 roundId, uint16 seat, bytes32 pledgeHash) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(PLEDGE_TYPEHASH, roundId, seat, pledgeHash)));
    }

    function _sheetDigest(uint256 roundId, uint16 seat, bytes32 commitment) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(SHEET_TYPEHASH, roundId, seat, commitment)));
    }

    function _recusalDigest(uint256 roundId, uint16 seat, bytes32 reasonHash) private view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(RECUSAL_TYPEHASH, roundId, seat, reasonHash)));
    }

    function _commitment(
        uint256 roundId,
        uint16 seat,
        uint16[] calldata scores,
        bytes32 commentsHash,
        bytes32 salt
    ) private pure returns (bytes32) {
        return keccak256(abi.encode(roundId, seat, scores, commentsHash, salt));
    }

    function _hashComments(string[] calldata comments) private pure returns (bytes32) {
        return keccak256(abi.encode(comments));
    }

    /// @dev Sets value `index` of a packed uint16 array whose words are all zero before the first write.
    function _writePacked(mapping(uint256 => uint256) storage words, uint256 index, uint16 value) private {
        uint256 word = index / VALUES_PER_WORD;
        words[word] |= uint256(value) << (16 * (index % VALUES_PER_WORD));
    }

    function _readPacked(
        mapping(uint256 => uint256) storage words,
        uint256 start,
        uint256 length
    ) private view returns (uint16[] memory values) {
        return _readPacked(words, start, length, 0);
    }

    /// @dev Reads `length` values from index `start` of the packed array whose word keys are offset by `keyBase`.
    function _readPacked(
        mapping(uint256 => uint256) storage words,
        uint256 start,
        uint256 length,
        uint256 keyBase
    ) private view returns (uint16[] memory values) {
        values = new uint16[](length);
        // Indexes stay below `start + length`, the size of an array already in storage, so nothing can overflow.
        unchecked {
            uint256 i;
            while (i < length) {
                uint256 index = start + i;
                uint256 offset = index % VALUES_PER_WORD;
                uint256 word = words[keyBase | (index / VALUES_PER_WORD)] >> (offset << 4);
                uint256 end = _min(i + VALUES_PER_WORD - offset, length);
                for (; i < end; ++i) {
                    // In bounds: i < length, the length of `values`.
                    assembly ("memory-safe") {
                        mstore(add(values, shl(5, add(i, 1))), and(word, 0xffff))
                    }
                    word >>= 16;
                }
            }
        }
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }

    function _popCount(uint256 mask) private pure returns (uint256 count) {
        while (mask != 0) {
            mask &= mask - 1;
            ++count;
        }
    }
}
