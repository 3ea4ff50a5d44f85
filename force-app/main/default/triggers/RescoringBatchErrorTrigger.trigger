/** Records nightly rescoring errors that no catch block can handle (heap or CPU limit): see RescoringBatchErrors. */
trigger RescoringBatchErrorTrigger on BatchApexErrorEvent(after insert) {
    RescoringBatchErrors.record(Trigger.new);
}
