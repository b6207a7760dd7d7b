-- Banxico's SPEI participants by CLABE prefix (the first three digits of a CLABE), compiled on 2026-12-01 from Banco
-- de México's list of SPEI participants (https://www.banxico.org.mx/cep-scl/listaInstituciones.do). A CLABE whose
-- prefix is not in this table is refused (docs/decisions.md, "Banxico catalog"). V4 held only the main banks; this
-- replaces the whole table. When Banxico admits or removes a participant, add a migration (bank_account keeps the
-- code and the name it was saved with, so removing a row never changes an account already on file).
-- Portable SQL for H2 and PostgreSQL.
delete from bank;
insert into bank (code, name) values
('002', 'BANAMEX'), ('006', 'BANCOMEXT'), ('009', 'BANOBRAS'), ('012', 'BBVA MEXICO'), ('014', 'SANTANDER'),
('019', 'BANJERCITO'), ('021', 'HSBC'), ('030', 'BAJIO'), ('036', 'INBURSA'), ('042', 'MIFEL'),
('044', 'SCOTIABANK'), ('058', 'BANREGIO'), ('059', 'INVEX'), ('060', 'BANSI'), ('062', 'AFIRME'),
('072', 'BANORTE'), ('106', 'BANK OF AMERICA'), ('108', 'MUFG'), ('110', 'JP MORGAN'), ('112', 'BMONEX'),
('113', 'VE POR MAS'), ('124', 'CBM BANCO'), ('127', 'AZTECA'), ('128', 'AUTOFIN'), ('129', 'BARCLAYS'),
('130', 'COMPARTAMOS'), ('132', 'MULTIVA BANCO'), ('133', 'ACTINVER'), ('135', 'NAFIN'), ('136', 'INTERCAM BANCO'),
('137', 'BANCOPPEL'), ('138', 'UALA'), ('140', 'CONSUBANCO'), ('141', 'VOLKSWAGEN'), ('143', 'CIBANCO'),
('145', 'BBASE'), ('147', 'BANKAOOL'), ('148', 'PAGATODO'), ('150', 'INMOBILIARIO'), ('151', 'DONDE'),
('152', 'BANCREA'), ('154', 'BANCO COVALTO'), ('155', 'ICBC'), ('156', 'SABADELL'), ('157', 'SHINHAN'),
('158', 'MIZUHO BANK'), ('159', 'BANK OF CHINA'), ('160', 'BANCO S3'), ('166', 'BANCO DEL BIENESTAR'),
('168', 'HIPOTECARIA FEDERAL'), ('600', 'MONEXCB'), ('601', 'GBM'), ('602', 'MASARI'), ('605', 'VALUE'),
('608', 'VECTOR'), ('610', 'B&B'), ('613', 'MULTIVA CBOLSA'), ('616', 'FINAMEX'), ('617', 'VALMEX'),
('620', 'PROFUTURO'), ('630', 'CB INTERCAM'), ('631', 'CI BOLSA'), ('634', 'FINCOMUN'), ('638', 'NU MEXICO'),
('642', 'REFORMA'), ('646', 'STP'), ('652', 'CREDICAPITAL'), ('653', 'KUSPIT'), ('656', 'UNAGRA'),
('659', 'ASP INTEGRA OPC'), ('661', 'KLAR'), ('670', 'LIBERTAD'), ('677', 'CAJA POP MEXICA'),
('680', 'CRISTOBAL COLON'), ('683', 'CAJA TELEFONISTAS'), ('684', 'TRANSFER'), ('685', 'FONDO (FIRA)'),
('686', 'INVERCAP'), ('689', 'FOMPED'), ('699', 'FONDEADORA'), ('703', 'TESORED'), ('706', 'ARCUS'),
('710', 'NVIO'), ('715', 'CASHI CUENTA'), ('720', 'MEXPAGO'), ('722', 'MERCADO PAGO W'), ('723', 'CUENCA'),
('727', 'TRANSFER DIRECTO'), ('728', 'SPIN BY OXXO'), ('729', 'DEP Y PAG DIG'), ('730', 'SWAP'), ('732', 'PEIBO'),
('734', 'FINCO PAY');
