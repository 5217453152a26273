-- The operators' page draws a version's precision-recall curve and confusion matrix from its registry
-- metrics; training no longer stores PNG plots, so jobs no longer point at them.
alter table training_job drop column pr_curve_sha256;
alter table training_job drop column confusion_sha256;
