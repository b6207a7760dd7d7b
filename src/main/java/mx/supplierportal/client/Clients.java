package mx.supplierportal.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client organisations and their staff. A client is an app-table row plus, in Camunda's identity tables, a tenant
 * and one group per {@link StaffRole}; staff are Camunda users in those groups.
 */
@Service
public class Clients {

    /** Tenant ids and group prefixes: lower-case letters, digits and dashes. */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";
    /**
     * The tenant of process instances that work for no client (password recovery): no client's staff belongs to it,
     * so only operators see them in the Camunda webapps. Never a client code.
     */
    public static final String PORTAL_TENANT = "portal";

    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    private final ClientRepository repository;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    Clients(ClientRepository repository, IdentityService identityService, AuthorizationService authorizationService,
            ApplicationEventPublisher events, java.time.Clock clock) {
        this.repository = repository;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Client> findByCode(String code) {
        return repository.findByCode(code);
    }

    /** What a process instance works for, as the instance itself says: its client (tenant) and business key. */
    public record InstanceOwner(Client client, String businessKey) {
    }

    /**
     * The client a process instance works for — from the instance's tenant id, set from {@code clientCode} when it
     * started and never changed after — and its business key. Delegates start here instead of trusting ids in
     * process variables; an instance without either is a bug, not an input, and fails (an incident in Cockpit).
     */
    public InstanceOwner ownerOf(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        Client client = execution.getTenantId() == null ? null
                : repository.findByCode(execution.getTenantId()).orElse(null);
        if (client == null || execution.getProcessBusinessKey() == null) {
            throw new IllegalStateException("process instance " + execution.getProcessInstanceId()
                    + " has no client tenant or no business key");
        }
        return new InstanceOwner(client, execution.getProcessBusinessKey());
    }

    /** The first client (by code) among those someone administers. */
    public Optional<Client> firstOf(List<String> administeredCodes) {
        return administeredCodes.stream().sorted().findFirst().flatMap(repository::findByCode);
    }

    public Optional<Client> findById(long id) {
        return repository.findById(id);
    }

    /** Creates the client, its tenant, its role groups and what those groups may do in Tasklist and the engine. */
    @Transactional
    public Client create(String code, String name, String rfc, String postalCode, String taxRegime) {
        if (!CODE.matcher(code).matches() || PORTAL_TENANT.equals(code)) {
            throw new IllegalArgumentException("client code must match " + CODE.pattern() + " and not be "
                    + PORTAL_TENANT);
        }
        Client client = repository.save(new Client(code, name, rfc, postalCode, taxRegime, OffsetDateTime.now(clock)));
        Tenant tenant = identityService.newTenant(code);
        tenant.setName(name);
        identityService.saveTenant(tenant);
        for (StaffRole role : StaffRole.values()) {
            String groupId = role.groupOf(code);
            Group group = identityService.newGroup(groupId);
            group.setName(name + " — " + role.suffix());
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            identityService.createTenantGroupMembership(code, groupId);
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.FILTER, "*", Permissions.READ);
            grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(groupId, Resources.DECISION_DEFINITION, "*", Permissions.READ);
            grant(groupId, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        String admins = StaffRole.ADMIN.groupOf(code);
        grant(admins, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(admins, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        applyCurrentGrants(code);
        grant(admins, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grant(admins, Resources.TASK, "*", Permissions.READ);
        grant(admins, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        events.publishEvent(new ClientCreated(client.getId(), code));
        return client;
    }

    /** Adds a staff member (a Camunda user) to the client's tenant and to the groups of the given roles. */
    @Transactional
    public void addStaff(String clientCode, String userId, String firstName, String lastName, String email,
            String password, StaffRole... roles) {
        User user = identityService.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createTenantUserMembership(clientCode, userId);
        for (StaffRole role : roles) {
            identityService.createMembership(userId, role.groupOf(clientCode));
        }
        admitToDirectory(userId, List.of(clientCode));
    }

    /**
     * The staff directory is per client: a client's groups read their own client's groups and the users admitted
     * here, never other clients' staff (names and emails). Called for every staff sign-in, so staff created in
     * Camunda Admin are admitted too; idempotent.
     */
    @Transactional
    public void admitToDirectory(String userId, java.util.Collection<String> clientCodes) {
        for (String code : clientCodes) {
            if (repository.findByCode(code).isEmpty()) {
                continue;
            }
            for (StaffRole role : StaffRole.values()) {
                ensureGrant(role.groupOf(code), Resources.USER, userId, Permissions.READ);
            }
        }
    }

    /**
     * The grants added since the first clients were created, applied idempotently (at creation and at start-up):
     * a client's groups read of the identity tables only their own client's groups (users are admitted by
     * {@link #admitToDirectory}) — the older grants on every user and group ({@code *}) are removed —, and client
     * admins may retry their instances' failed jobs (incidents) in Cockpit; the tenant check keeps both to this
     * client.
     */
    @Transactional
    public void applyCurrentGrants(String code) {
        ensureGrant(StaffRole.ADMIN.groupOf(code), Resources.PROCESS_INSTANCE, "*",
                ProcessInstancePermissions.RETRY_JOB);
        for (StaffRole role : StaffRole.values()) {
            String groupId = role.groupOf(code);
            for (Resource resource : List.of(Resources.USER, Resources.GROUP)) {
                authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                        .resourceId("*").list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
            }
            for (StaffRole other : StaffRole.values()) {
                ensureGrant(groupId, Resources.GROUP, other.groupOf(code), Permissions.READ);
            }
        }
    }

    /** {@link #applyCurrentGrants} for every client (start-up). */
    @Transactional
    public void applyCurrentGrants() {
        repository.findAll().forEach(client -> applyCurrentGrants(client.getCode()));
    }

    /** Adds the permission to the group's grant on that resource (Camunda keeps one grant row per trio). */
    private void ensureGrant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .list().stream().findFirst().orElse(null);
        if (existing == null) {
            grant(groupId, resource, resourceId, permission);
        } else if (!existing.isPermissionGranted(permission)) {
            existing.addPermission(permission);
            authorizationService.saveAuthorization(existing);
        }
    }

    /**
     * Camunda's administrators group ({@code camunda-admin}) with every permission on every resource, as the
     * Camunda starter would create it. Used by the demo data; production names its admin through
     * {@code camunda.bpm.admin-user.*}.
     */
    @Transactional
    public void ensureCamundaAdminGroup() {
        if (identityService.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(CAMUNDA_ADMIN_GROUP);
        group.setName("Camunda BPM Administrators");
        group.setType("SYSTEM");
        identityService.saveGroup(group);
        for (Resource resource : Resources.values()) {
            grant(CAMUNDA_ADMIN_GROUP, resource, "*",
                    ResourceTypeUtil.getPermissionByNameAndResourceType("ALL", resource.resourceType()));
        }
    }

    /**
     * The portal operator's treasury group ({@code portal-treasury}): confirms bank deposits for stamp packages in
     * Tasklist. Its members need no client; operators add them in Camunda Admin. The group belongs to the portal's
     * own tenant, so its members see the portal's instances (self-registration, password recovery) but only the
     * tasks whose candidate group is theirs. Created once.
     */
    @Transactional
    public void ensurePortalTreasuryGroup() {
        String groupId = mx.supplierportal.security.StaffPrincipal.PORTAL_TREASURY_GROUP;
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName("Portal — tesorería (timbres)");
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        // self-registration's instances carry the portal's own tenant (no client's): its treasury must see them
        if (identityService.createTenantQuery().tenantId(PORTAL_TENANT).count() == 0) {
            Tenant portal = identityService.newTenant(PORTAL_TENANT);
            portal.setName("Portal (sin cliente)");
            identityService.saveTenant(portal);
        }
        identityService.createTenantGroupMembership(PORTAL_TENANT, groupId);
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.FILTER, "*", Permissions.READ);
        grant(groupId, Resources.PROCESS_DEFINITION, "self-registration", Permissions.READ, Permissions.READ_HISTORY);
    }

    /** Makes an existing user a member of a group (the demo's operator joins the portal's treasury). */
    @Transactional
    public void addToGroup(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    /** Makes an existing user a member of Camunda's administrators group. */
    @Transactional
    public void makeCamundaAdmin(String userId) {
        identityService.createMembership(userId, CAMUNDA_ADMIN_GROUP);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
