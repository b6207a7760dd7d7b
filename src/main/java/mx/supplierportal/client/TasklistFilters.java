package mx.supplierportal.client;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter every staff member starts from: the tasks of their groups (and tenant, by Camunda's tenant
 * check). Created once, when no filter of that name exists.
 */
@Component
class TasklistFilters implements ApplicationRunner {

    static final String GROUP_TASKS = "Tareas de mis grupos / My group tasks";

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (filterService.createFilterQuery().filterName(GROUP_TASKS).count() > 0) {
            return;
        }
        TaskQuery query = taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        Filter filter = filterService.newTaskFilter(GROUP_TASKS)
                .setQuery(query)
                .setProperties(Map.of("description", "Tareas para los grupos del usuario / Tasks for the user's groups",
                        "priority", -10, "refresh", true));
        filterService.saveFilter(filter);
    }
}
