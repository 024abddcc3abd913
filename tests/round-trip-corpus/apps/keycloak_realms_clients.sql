-- Imitates Keycloak's JPA schema: varchar(36) uuid-ish ids, realm/client/user_entity/user_role_mapping/credential, constraint names like constraint_xx / uk_xx / fk_xx, and composite keys on attribute tables.
CREATE TABLE public.realm (
    id character varying(36) NOT NULL,
    access_code_lifespan integer,
    user_action_lifespan integer,
    access_token_lifespan integer,
    account_theme character varying(255),
    enabled boolean DEFAULT false NOT NULL,
    name character varying(255),
    ssl_required character varying(255),
    registration_allowed boolean DEFAULT false NOT NULL,
    default_role character varying(255),
    CONSTRAINT constraint_4a PRIMARY KEY (id),
    CONSTRAINT uk_orvsdmla56612eaefiq6wl5oi UNIQUE (name)
);
CREATE TABLE public.client (
    id character varying(36) NOT NULL,
    enabled boolean DEFAULT false NOT NULL,
    full_scope_allowed boolean DEFAULT false NOT NULL,
    client_id character varying(255),
    not_before integer,
    public_client boolean DEFAULT false NOT NULL,
    secret character varying(255),
    base_url character varying(255),
    bearer_only boolean DEFAULT false NOT NULL,
    management_url character varying(255),
    surrogate_auth_required boolean DEFAULT false NOT NULL,
    realm_id character varying(36),
    protocol character varying(255),
    node_rereg_timeout integer DEFAULT 0,
    frontchannel_logout boolean DEFAULT false NOT NULL,
    consent_required boolean DEFAULT false NOT NULL,
    name character varying(255),
    service_accounts_enabled boolean DEFAULT false NOT NULL,
    client_authenticator_type character varying(255),
    root_url character varying(255),
    description character varying(255),
    registration_token character varying(255),
    standard_flow_enabled boolean DEFAULT true NOT NULL,
    implicit_flow_enabled boolean DEFAULT false NOT NULL,
    direct_access_grants_enabled boolean DEFAULT false NOT NULL,
    always_display_in_console boolean DEFAULT false NOT NULL,
    CONSTRAINT constraint_7 PRIMARY KEY (id),
    CONSTRAINT uk_b71cjlbenv945rb6gcon438at UNIQUE (realm_id, client_id)
);
CREATE TABLE public.client_attributes (
    client_id character varying(36) NOT NULL,
    name character varying(255) NOT NULL,
    value text,
    CONSTRAINT client_attributes_pkey PRIMARY KEY (client_id, name)
);
CREATE TABLE public.user_entity (
    id character varying(36) NOT NULL,
    email character varying(255),
    email_constraint character varying(255),
    email_verified boolean DEFAULT false NOT NULL,
    enabled boolean DEFAULT false NOT NULL,
    federation_link character varying(255),
    first_name character varying(255),
    last_name character varying(255),
    realm_id character varying(255),
    username character varying(255),
    created_timestamp bigint,
    service_account_client_link character varying(255),
    not_before integer DEFAULT 0 NOT NULL,
    CONSTRAINT constraint_fb PRIMARY KEY (id),
    CONSTRAINT uk_dykn684sl8up1crfei6eckhd7 UNIQUE (realm_id, email_constraint),
    CONSTRAINT uk_ru8tt6t700s9v50bu18ws5ha6 UNIQUE (realm_id, username)
);
CREATE TABLE public.keycloak_role (
    id character varying(36) NOT NULL,
    client_realm_constraint character varying(255),
    client_role boolean DEFAULT false NOT NULL,
    description character varying(255),
    name character varying(255),
    realm_id character varying(255),
    client character varying(36),
    realm character varying(36),
    CONSTRAINT constraint_a PRIMARY KEY (id),
    CONSTRAINT "UK_J3RWUVD56ONTGSUHOGM184WW2-2" UNIQUE (name, client_realm_constraint)
);
CREATE TABLE public.user_role_mapping (
    role_id character varying(255) NOT NULL,
    user_id character varying(36) NOT NULL,
    CONSTRAINT constraint_c PRIMARY KEY (role_id, user_id)
);
CREATE TABLE public.credential (
    id character varying(36) NOT NULL,
    salt bytea,
    type character varying(255),
    user_id character varying(36),
    created_date bigint,
    user_label character varying(255),
    secret_data text,
    credential_data text,
    priority integer,
    CONSTRAINT constraint_f PRIMARY KEY (id)
);
ALTER TABLE ONLY public.client_attributes ADD CONSTRAINT fk3c47c64beacca966 FOREIGN KEY (client_id) REFERENCES public.client(id);
ALTER TABLE ONLY public.credential ADD CONSTRAINT fk_pfyr0glasqyl0dei3kl69r6v0 FOREIGN KEY (user_id) REFERENCES public.user_entity(id);
ALTER TABLE ONLY public.user_role_mapping ADD CONSTRAINT fk_c4fqv34p1mbylloxang7b1q3l FOREIGN KEY (user_id) REFERENCES public.user_entity(id);
ALTER TABLE ONLY public.keycloak_role ADD CONSTRAINT fk_6vyqfe4cn4wlq8r6kt5vdsj5c FOREIGN KEY (realm) REFERENCES public.realm(id);
ALTER TABLE ONLY public.client ADD CONSTRAINT fk_p56ctinxxb9gsk57fo49f9tac FOREIGN KEY (realm_id) REFERENCES public.realm(id);
CREATE INDEX idx_client_id ON public.client USING btree (client_id);
CREATE INDEX idx_user_email ON public.user_entity USING btree (email);
CREATE INDEX idx_user_service_account ON public.user_entity USING btree (realm_id, service_account_client_link);
CREATE INDEX idx_user_credential ON public.credential USING btree (user_id);
CREATE INDEX idx_user_role_mapping ON public.user_role_mapping USING btree (user_id);
CREATE INDEX idx_keycloak_role_client ON public.keycloak_role USING btree (client);
CREATE INDEX idx_client_att_by_name_value ON public.client_attributes USING btree (name, substr(value, 1, 255));
