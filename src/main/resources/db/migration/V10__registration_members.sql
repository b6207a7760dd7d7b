-- Supplier identity per client (docs/decisions.md, "Supplier identity per client"): a supplier user acts only for
-- the registrations it was admitted to, never for every client of the supplier company. A person (email) can be
-- admitted to registrations of more than one supplier company (e.g. an accountant who serves several).
create table registration_member (
    client_supplier_id bigint not null references client_supplier (id),
    user_id            bigint not null references supplier_user (id),
    admitted_at        timestamp with time zone not null,
    constraint pk_registration_member primary key (client_supplier_id, user_id)
);
create index ix_registration_member_user on registration_member (user_id, client_supplier_id);

-- Until now every registration was made for the user whose email it names (or for a new user with that email).
insert into registration_member (client_supplier_id, user_id, admitted_at)
    select cs.id, u.id, cs.registered_at
    from client_supplier cs join supplier_user u on u.email = cs.contact_email;

-- The business name a client typed belongs to that client's registration: another client never sees it.
alter table client_supplier add column business_name varchar(254);
update client_supplier set business_name =
    (select s.business_name from supplier s where s.id = client_supplier.supplier_id);
alter table client_supplier alter column business_name set not null;

-- "Payments > Archive" now lists the payments of the registrations the user was admitted to.
create index ix_payment_registration on payment (client_supplier_id, paid_on, id);

-- Everybody signs in again after this upgrade: sessions hold the old supplier principal (which carried a supplier
-- id), and a session opened through the old takeover path must not survive it.
delete from spring_session_attributes;
delete from spring_session;
