-- Reads of member data check that the member belongs to one of the caller's Groups: look members up by patient.
create index group_member_by_patient_id on group_member (patient_id) where not inactive;
