-- Whether SAT confirmed that the accepted payment complement is current. False when SAT could not be asked during
-- the upload: payment-received asks again in the background and reopens the complement if SAT reports it cancelled.
alter table payment add column rep_sat_confirmed boolean not null default false;
