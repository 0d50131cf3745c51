// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {BidderResult, RoundParams} from "../RoundTypes.sol";

uint8 constant PHASE_NONE = 0;
uint8 constant PHASE_SCORING = 1;
uint8 constant PHASE_REVEALING = 2;
uint8 constant PHASE_FINALIZED = 3;
uint8 constant PHASE_CANCELLED = 4;

uint8 constant SEAT_INVITED = 0;
uint8 constant SEAT_CLAIMED = 1;
uint8 constant SEAT_COMMITTED = 2;
uint8 constant SEAT_REVEALED = 3;
uint8 constant SEAT_RECUSED = 4;

/// @title IEvaluationRegistry
/// @notice Records sealed procurement score sheets round by round and computes each round's result on chain.
/// @dev Units, encodings, signatures and tally rules are fixed in docs/PROTOCOL.md. An action allowed "before" a
/// deadline runs while `block.timestamp < deadline`, and one allowed "after" it runs from the deadline on.
interface IEvaluationRegistry {
    /// @notice A round's administrator, phase, seat counts and times.
    /// @dev `claimed` counts seats bound to a device that have not recused (claimed, committed or revealed), and
    /// `committed` counts seats with a sheet (committed or revealed). Seats still invited are
    /// `seats − claimed − recused`.
    struct RoundStatus {
        address admin;
        uint8 phase;
        uint16 seats;
        uint16 claimed;
        uint16 committed;
        uint16 revealed;
        uint16 recused;
        uint16 minEvaluators;
        uint16 bidders;
        uint16 criteria;
        uint16 qualitativeCriteria;
        uint64 scoringDeadline;
        uint64 revealDeadline;
        uint64 createdAt;
        uint64 closedAt;
        uint64 finalizedAt;
    }

    /// @notice A seat's state, keys and times.
    /// @dev `commitment` is set while the seat is committed and `salt` once it is revealed. The commitment that a
    /// revealed seat opened is in its last `SheetCommitted` event.
    struct SeatStatus {
        uint8 state;
        address device;
        address invite;
        bytes32 commitment;
        bytes32 salt;
        uint64 claimedAt;
        uint64 committedAt;
        uint64 revealedAt;
    }

    // ==== Errors: round parameters ====

    /// @notice Thrown when the criterion count is 0 or above the maximum.
    /// @param count The number of criteria given.
    /// @param maximum The largest criterion count a round can have.
    error RegistryInvalidCriterionCount(uint256 count, uint256 maximum);

    /// @notice Thrown when every criterion is quantitative, so evaluators would have nothing to score.
    error RegistryNoQualitativeCriterion();

    /// @notice Thrown when a criterion's maximum is 0.
    /// @param criterion The criterion index.
    error RegistryZeroMaxPoints(uint256 criterion);

    /// @notice Thrown when the bidder count is 0 or above the maximum.
    /// @param count The number of bidders given.
    /// @param maximum The largest bidder count a round can have.
    error RegistryInvalidBidderCount(uint256 count, uint256 maximum);

    /// @notice Thrown when the seat count (the number of invites) is 0 or above the maximum.
    /// @param count The number of invites given.
    /// @param maximum The largest seat count a round can have.
    error RegistryInvalidSeatCount(uint256 count, uint256 maximum);

    /// @notice Thrown when `rules.trim` is not 0 (high-low-total), 1 (high-low-criterion) or 2 (none).
    /// @param trim The value given.
    error RegistryInvalidTrim(uint8 trim);

    /// @notice Thrown when `rules.technicalScoring` is not 0 (absolute) or 1 (relative-to-best).
    /// @param technicalScoring The value given.
    error RegistryInvalidTechnicalScoring(uint8 technicalScoring);

    /// @notice Thrown when `rules.priceFormula` is not 0 (lowest-over-bid), 1 (kr-negotiated) or 2 (given).
    /// @param priceFormula The value given.
    error RegistryInvalidPriceFormula(uint8 priceFormula);

    /// @notice Thrown when `rules.qualifyingPercent` is above 100.
    /// @param qualifyingPercent The value given.
    error RegistryInvalidQualifyingPercent(uint8 qualifyingPercent);

    /// @notice Thrown when a tie-break step is unknown, repeated, or beyond the third step.
    /// @param index The position of the step in `rules.tieBreak`.
    /// @param step The value given.
    error RegistryInvalidTieBreak(uint256 index, uint8 step);

    /// @notice Thrown when the technical weight is 0.
    error RegistryZeroTechnicalWeight();

    /// @notice Thrown when, under absolute scoring, the criterion maxima do not add up to the technical weight.
    /// @param sum The sum of every criterion's maximum, in hundredths.
    /// @param technicalWeight The technical weight, in hundredths.
    error RegistryMaxPointsSumMismatch(uint256 sum, uint32 technicalWeight);

    /// @notice Thrown when `rules.minEvaluators` is below the lowest or above the highest allowed value.
    /// @param minEvaluators The value given.
    /// @param lowest 3 when the rules trim, 1 otherwise.
    /// @param highest The seat count.
    error RegistryInvalidMinEvaluators(uint16 minEvaluators, uint256 lowest, uint256 highest);

    /// @notice Thrown when the scoring deadline is not in the future, the reveal deadline is not after it, or the
    /// reveal deadline is beyond type(uint40).max (the year 36812).
    /// @param scoringDeadline The scoring deadline given.
    /// @param revealDeadline The reveal deadline given.
    /// @param currentTime The block timestamp.
    error RegistryInvalidDeadlines(uint64 scoringDeadline, uint64 revealDeadline, uint256 currentTime);

    /// @notice Thrown when the escrow public key is not a 33-byte compressed secp256k1 point.
    /// @param length The key's length in bytes.
    /// @param prefix The key's first byte (0x02 or 0x03 for a compressed point), 0 for an empty key.
    error RegistryInvalidEscrowKey(uint256 length, bytes1 prefix);

    /// @notice Thrown when an invite address is zero, already spent, or given to two seats.
    /// @param roundId The round the invite is for.
    /// @param seat The seat the invite is for.
    /// @param invite The invite address given.
    error RegistryInvalidInvite(uint256 roundId, uint16 seat, address invite);

    /// @notice Thrown when a bidder does not carry one quantitative score per quantitative criterion.
    /// @param bidder The bidder index.
    /// @param count The number of quantitative scores given.
    /// @param expected The number of quantitative criteria.
    error RegistryQuantitativeScoreCountMismatch(uint256 bidder, uint256 count, uint256 expected);

    /// @notice Thrown when a quantitative score is above its criterion's maximum.
    /// @param bidder The bidder index.
    /// @param criterion The criterion index.
    /// @param score The score given, in hundredths.
    /// @param maxPoints The criterion's maximum, in hundredths.
    error RegistryQuantitativeScoreAboveMax(uint256 bidder, uint256 criterion, uint16 score, uint16 maxPoints);

    /// @notice Thrown when the price formula needs bid prices and a bidder's bid price is 0.
    /// @param bidder The bidder index.
    error RegistryMissingBidPrice(uint256 bidder);

    /// @notice Thrown when the price formula is `given` and a bidder carries a bid price.
    /// @param bidder The bidder index.
    /// @param bidPrice The bid price given.
    error RegistryUnexpectedBidPrice(uint256 bidder, uint128 bidPrice);

    /// @notice Thrown when the price formula is not `given` and a bidder carries a price score.
    /// @param bidder The bidder index.
    /// @param priceScore The price score given, in ten-thousandths.
    error RegistryUnexpectedPriceScore(uint256 bidder, uint32 priceScore);

    /// @notice Thrown when a given price score is above the price weight.
    /// @param bidder The bidder index.
    /// @param priceScore The price score given, in ten-thousandths.
    /// @param maximum The price weight, in ten-thousandths.
    error RegistryPriceScoreAboveWeight(uint256 bidder, uint32 priceScore, uint256 maximum);

    /// @notice Thrown when the price formula is `kr-negotiated` and the estimated price is 0.
    error RegistryMissingEstimatedPrice();

    /// @notice Thrown when the price formula is not `kr-negotiated` and an estimated price is given.
    /// @param estimatedPrice The estimated price given.
    error RegistryUnexpectedEstimatedPrice(uint128 estimatedPrice);

    /// @notice Thrown when two bidders have the same name.
    /// @param first The index of the first bidder with the name.
    /// @param second The index of the second bidder with the name.
    error RegistryDuplicateBidderName(uint256 first, uint256 second);

    // ==== Errors: round life cycle ====

    /// @notice Thrown when no round has the id.
    /// @param roundId The id given.
    error RegistryUnknownRound(uint256 roundId);

    /// @notice Thrown when the round is not in the phase the action needs.
    /// @param roundId The round id.
    /// @param phase The round's phase.
    /// @param required The phase the action needs.
    error RegistryRoundNotInPhase(uint256 roundId, uint8 phase, uint8 required);

    /// @notice Thrown when cancelling a round that is already finalized or cancelled.
    /// @param roundId The round id.
    /// @param phase The round's phase.
    error RegistryRoundEnded(uint256 roundId, uint8 phase);

    /// @notice Thrown when the caller is not the round's administrator or no longer holds `ROUND_ADMIN_ROLE`.
    /// @param roundId The round id.
    /// @param account The caller.
    error RegistryNotRoundAdmin(uint256 roundId, address account);

    /// @notice Thrown when an action that must happen before a deadline comes at or after it.
    /// @param roundId The round id.
    /// @param deadline The deadline, in UTC seconds.
    /// @param currentTime The block timestamp.
    error RegistryDeadlinePassed(uint256 roundId, uint64 deadline, uint256 currentTime);

    /// @notice Thrown when an action that must wait for a deadline comes before it.
    /// @param roundId The round id.
    /// @param deadline The deadline, in UTC seconds.
    /// @param currentTime The block timestamp.
    error RegistryDeadlineNotReached(uint256 roundId, uint64 deadline, uint256 currentTime);

    /// @notice Thrown when closing or finalizing a round with fewer sheets than `minEvaluators`.
    /// @param roundId The round id.
    /// @param count The number of committed (when closing) or revealed (when finalizing) seats.
    /// @param minEvaluators The round's quorum.
    error RegistryQuorumNotMet(uint256 roundId, uint16 count, uint16 minEvaluators);

    /// @notice Thrown when the seat number is not below the round's seat count.
    /// @param roundId The round id.
    /// @param seat The seat given.
    /// @param seats The round's seat count.
    error RegistryUnknownSeat(uint256 roundId, uint16 seat, uint16 seats);

    /// @notice Thrown when the seat's state does not allow the action.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param state The seat's state.
    error RegistrySeatStateNotAllowed(uint256 roundId, uint16 seat, uint8 state);

    /// @notice Thrown when a Claim is signed by an invite key that has already claimed a seat or was replaced.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param invite The invite address that signed.
    error RegistryInviteUsed(uint256 roundId, uint16 seat, address invite);

    /// @notice Thrown when a Claim is not signed by the seat's invite key.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param signer The address recovered from the signature, 0 for a malformed signature.
    /// @param invite The seat's invite address.
    error RegistryInviteMismatch(uint256 roundId, uint16 seat, address signer, address invite);

    /// @notice Thrown when a Pledge, Sheet or Recusal is not signed by the seat's device, or the device is zero.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param signer The address recovered from the signature, 0 for a malformed signature.
    /// @param device The device the signature must come from.
    error RegistryDeviceMismatch(uint256 roundId, uint16 seat, address signer, address device);

    /// @notice Thrown when a commitment is zero.
    /// @param roundId The round id.
    /// @param seat The seat.
    error RegistryZeroCommitment(uint256 roundId, uint16 seat);

    /// @notice Thrown when a non-empty escrow blob is shorter than its header and tag or has an unknown version.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param length The blob's length in bytes.
    /// @param version The blob's first byte.
    error RegistryInvalidEscrow(uint256 roundId, uint16 seat, uint256 length, bytes1 version);

    /// @notice Thrown when a recusal or cancellation carries an empty reason.
    /// @param roundId The round id.
    error RegistryEmptyReason(uint256 roundId);

    /// @notice Thrown when a revealed sheet does not hold one score per bidder and qualitative criterion.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param count The number of scores given.
    /// @param expected The bidder count times the qualitative criterion count.
    error RegistryScoreCountMismatch(uint256 roundId, uint16 seat, uint256 count, uint256 expected);

    /// @notice Thrown when a revealed sheet does not hold one comment per bidder.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param count The number of comments given.
    /// @param expected The bidder count.
    error RegistryCommentCountMismatch(uint256 roundId, uint16 seat, uint256 count, uint256 expected);

    /// @notice Thrown when a revealed score is above its criterion's maximum.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param index The score's index in the sheet (bidder × qualitative criteria + criterion).
    /// @param score The score, in hundredths.
    /// @param maxPoints The criterion's maximum, in hundredths.
    error RegistryScoreAboveMax(uint256 roundId, uint16 seat, uint256 index, uint16 score, uint16 maxPoints);

    /// @notice Thrown when a revealed sheet does not open the seat's commitment.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param computed The commitment of the revealed scores, comments and salt.
    /// @param committed The seat's commitment.
    error RegistryCommitmentMismatch(uint256 roundId, uint16 seat, bytes32 computed, bytes32 committed);

    // ==== Events ====

    /// @notice Emitted when a round is created. The names and strings of the parameters are kept only here.
    /// @param roundId The new round's id.
    /// @param admin The round's administrator (the creator).
    /// @param params Every round parameter, including names and strings.
    /// @param tallyVersion The version of the tally rules the round is computed with.
    event RoundCreated(uint256 indexed roundId, address indexed admin, RoundParams params, string tallyVersion);

    /// @notice Emitted when a device claims a seat with its invite and the evaluator's pledge.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param device The device address now bound to the seat.
    /// @param pledgeHash keccak256 of the UTF-8 pledge text the evaluator signed.
    event SeatClaimed(uint256 indexed roundId, uint16 indexed seat, address device, bytes32 pledgeHash);

    /// @notice Emitted when the administrator gives a seat a new invite, unbinding any device.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param invite The new invite address.
    event SeatReissued(uint256 indexed roundId, uint16 indexed seat, address invite);

    /// @notice Emitted when a seat recuses itself.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param reason The reason the device signed.
    event SeatRecused(uint256 indexed roundId, uint16 indexed seat, string reason);

    /// @notice Emitted when a seat commits or re-commits its sheet. Only the latest commitment can be opened.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param commitment The sheet's commitment.
    /// @param escrow The sheet and salt encrypted to the round's escrow key, empty when not escrowed.
    event SheetCommitted(uint256 indexed roundId, uint16 indexed seat, bytes32 commitment, bytes escrow);

    /// @notice Emitted when scoring closes and revealing starts.
    /// @param roundId The round id.
    /// @param committed The number of seats that committed a sheet.
    /// @param absent The number of seats that neither committed nor recused.
    /// @param automatic True when the last commit or recusal closed scoring, false when the administrator did.
    event ScoringClosed(uint256 indexed roundId, uint16 committed, uint16 absent, bool automatic);

    /// @notice Emitted when a seat's sheet is opened.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param scores The scores, in hundredths, bidder-major over the qualitative criteria.
    /// @param comments One comment per bidder.
    /// @param salt The salt of the commitment.
    event SheetRevealed(uint256 indexed roundId, uint16 indexed seat, uint16[] scores, string[] comments, bytes32 salt);

    /// @notice Emitted when a round's result is computed.
    /// @param roundId The round id.
    /// @param lotterySeed keccak256 of the revealed salts in seat order.
    /// @param revealedSeats The number of sheets the result is computed from.
    /// @param results One result per bidder, in presentation order.
    event RoundFinalized(uint256 indexed roundId, bytes32 lotterySeed, uint16 revealedSeats, BidderResult[] results);

    /// @notice Emitted when the administrator cancels a round.
    /// @param roundId The round id.
    /// @param reason The reason given.
    event RoundCancelled(uint256 indexed roundId, string reason);

    // ==== Actions ====

    /// @notice Creates a round in the scoring phase. The caller needs `ROUND_ADMIN_ROLE` and becomes its administrator.
    /// @param params The round parameters, validated as a whole.
    /// @return roundId The new round's id. Ids start at 1.
    function createRound(RoundParams calldata params) external returns (uint256 roundId);

    /// @notice Binds a device to an invited seat. The invite key signs a Claim and the device signs the Pledge.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param device The device address to bind.
    /// @param pledgeHash keccak256 of the UTF-8 pledge text.
    /// @param inviteSig The invite key's EIP-712 Claim signature.
    /// @param pledgeSig The device's EIP-712 Pledge signature.
    function claimSeat(
        uint256 roundId,
        uint16 seat,
        address device,
        bytes32 pledgeHash,
        bytes calldata inviteSig,
        bytes calldata pledgeSig
    ) external;

    /// @notice Gives an invited or claimed seat a new invite and unbinds its device. The old invite stops working.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param newInvite The new invite address.
    function reissueSeat(uint256 roundId, uint16 seat, address newInvite) external;

    /// @notice Records that a claimed seat withdraws from the round. The device signs a Recusal.
    /// @dev Closes scoring when no seat is left invited or claimed and the quorum committed.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param reason The reason, hashed into the Recusal message.
    /// @param deviceSig The device's EIP-712 Recusal signature.
    function recuse(uint256 roundId, uint16 seat, string calldata reason, bytes calldata deviceSig) external;

    /// @notice Records or replaces a seat's commitment. The device signs a Sheet and anyone may submit it.
    /// @dev Closes scoring when no seat is left invited or claimed and the quorum committed.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param commitment The sheet's commitment (see `computeCommitment`).
    /// @param sheetSig The device's EIP-712 Sheet signature.
    /// @param escrow The sheet and salt encrypted to the round's escrow key, or empty.
    function commitSheet(
        uint256 roundId,
        uint16 seat,
        bytes32 commitment,
        bytes calldata sheetSig,
        bytes calldata escrow
    ) external;

    /// @notice Closes scoring after the scoring deadline when at least `minEvaluators` seats committed.
    /// @param roundId The round id.
    function closeScoring(uint256 roundId) external;

    /// @notice Opens a committed sheet. Anyone who has the sheet and its salt may call it.
    /// @dev The reveal that leaves no committed seat unrevealed also finalizes the round.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param scores The scores, in hundredths, bidder-major over the qualitative criteria.
    /// @param comments One comment per bidder.
    /// @param salt The salt of the seat's latest commitment.
    function revealSheet(
        uint256 roundId,
        uint16 seat,
        uint16[] calldata scores,
        string[] calldata comments,
        bytes32 salt
    ) external;

    /// @notice Computes the result from the sheets revealed so far, after the reveal deadline, with the quorum.
    /// @param roundId The round id.
    function finalize(uint256 roundId) external;

    /// @notice Cancels a round that is scoring or revealing.
    /// @param roundId The round id.
    /// @param reason Why the round is cancelled.
    function cancelRound(uint256 roundId, string calldata reason) external;

    // ==== Views ====

    /// @notice Returns the version of the tally rules recorded with every new round.
    function TALLY_VERSION() external view returns (string memory);

    /// @notice Returns the role that may create rounds.
    function ROUND_ADMIN_ROLE() external view returns (bytes32);

    /// @notice Returns the number of rounds created, which is also the latest round id.
    function roundCount() external view returns (uint256);

    /// @notice Returns a round's administrator, phase, seat counts and times.
    /// @param roundId The round id.
    function getRound(uint256 roundId) external view returns (RoundStatus memory);

    /// @notice Returns a seat's state, keys and times.
    /// @param roundId The round id.
    /// @param seat The seat.
    function getSeat(uint256 roundId, uint16 seat) external view returns (SeatStatus memory);

    /// @notice Returns a revealed seat's scores, bidder-major over the qualitative criteria.
    /// @param roundId The round id.
    /// @param seat The seat.
    function getRevealedScores(uint256 roundId, uint16 seat) external view returns (uint16[] memory);

    /// @notice Returns a finalized round's results and lottery seed.
    /// @param roundId The round id.
    /// @return results One result per bidder, in presentation order.
    /// @return lotterySeed keccak256 of the revealed salts in seat order.
    function getResult(uint256 roundId) external view returns (BidderResult[] memory results, bytes32 lotterySeed);

    /// @notice Returns whether an invite address has claimed a seat or was replaced, and so cannot claim.
    /// @param invite The invite address.
    function isInviteSpent(address invite) external view returns (bool);

    /// @notice Computes a sheet's commitment: keccak256(abi.encode(roundId, seat, scores, commentsHash, salt)).
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param scores The scores, in hundredths, bidder-major over the qualitative criteria.
    /// @param commentsHash The hash of the comments (see `hashComments`).
    /// @param salt 32 random bytes.
    function computeCommitment(
        uint256 roundId,
        uint16 seat,
        uint16[] calldata scores,
        bytes32 commentsHash,
        bytes32 salt
    ) external pure returns (bytes32);

    /// @notice Computes keccak256(abi.encode(comments)).
    /// @param comments One comment per bidder.
    function hashComments(string[] calldata comments) external pure returns (bytes32);

    /// @notice Returns the EIP-712 digest of a Claim message.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param device The device to bind.
    function claimDigest(uint256 roundId, uint16 seat, address device) external view returns (bytes32);

    /// @notice Returns the EIP-712 digest of a Pledge message.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param pledgeHash keccak256 of the UTF-8 pledge text.
    function pledgeDigest(uint256 roundId, uint16 seat, bytes32 pledgeHash) external view returns (bytes32);

    /// @notice Returns the EIP-712 digest of a Sheet message.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param commitment The sheet's commitment.
    function sheetDigest(uint256 roundId, uint16 seat, bytes32 commitment) external view returns (bytes32);

    /// @notice Returns the EIP-712 digest of a Recusal message.
    /// @param roundId The round id.
    /// @param seat The seat.
    /// @param reasonHash keccak256 of the UTF-8 reason.
    function recusalDigest(uint256 roundId, uint16 seat, bytes32 reasonHash) external view returns (bytes32);
}
