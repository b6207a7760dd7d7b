package mx.supplierportal.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;

/** A staff member as Camunda's identity tables have it now: name, groups and tenants. */
final class StaffDirectory {

    private final IdentityService identityService;

    StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Empty when the user no longer exists. */
    Optional<StaffPrincipal> load(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        String displayName = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
        return Optional.of(new StaffPrincipal(userId, displayName.isEmpty() ? userId : displayName, groups, tenants));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
