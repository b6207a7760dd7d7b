package mx.supplierportal.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What staff may write into the engine through its REST API — {@code /engine-rest} and the API the Camunda webapps
 * (Tasklist, Cockpit) call under {@code /camunda/api/engine} alike:
 * <ul>
 *   <li>completing a task sets only the variables its Camunda Form lets the person edit; a read-only field is accepted
 *   only unchanged, and a task without a form takes no variables. Anything else is refused (400) and nothing
 *   changes — so nobody can point a review at another record by sending {@code recordId};</li>
 *   <li>every other way to set variables (task, instance or execution variables, messages, signals, instance
 *   modification, starting instances) is refused (403) except to operators ({@code camunda-admin}).</li>
 * </ul>
 * The portal itself completes tasks through the Java API with the variables it chose. Delegates also re-derive
 * their object from the instance (tenant + business key), so even a variable that got through would change nothing.
 */
final class EngineWriteGuard extends OncePerRequestFilter {

    /** The engine's REST root, then the rest of the path. */
    private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)"
            + "(/.*)$");
    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
    private static final List<Pattern> OTHER_WRITES = List.of(
            Pattern.compile("^/(task|process-instance|execution|case-instance|case-execution)/[^/]+/"
                    + "(variables|localVariables)(/.*)?$"),
            Pattern.compile("^/process-instance/[^/]+/modification(-async)?/?$"),
            Pattern.compile("^/process-instance/variables-async/?$"),
            Pattern.compile("^/modification/.*$"),
            Pattern.compile("^/(message|signal|condition)(/.*)?$"),
            Pattern.compile("^/process-definition/.*/(start|submit-form)/?$"),
            Pattern.compile("^/execution/[^/]+/(messageSubscriptions|signal)(/.*)?$"),
            Pattern.compile("^/task/[^/]+/(bpmnError|bpmnEscalation)/?$"),
            Pattern.compile("^/task/create/?$"),
            Pattern.compile("^/external-task/.*$"));
    private static final int MAX_BODY = 1024 * 1024;

    private final TaskService taskService;
    private final FormService formService;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final ObjectMapper json = new ObjectMapper();

    EngineWriteGuard(TaskService taskService, FormService formService, MessageSource messages,
            LocaleResolver localeResolver) {
        this.taskService = taskService;
        this.formService = formService;
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || !engine.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String path = engine.group(1);
        boolean operator = CurrentUser.staff().map(StaffPrincipal::isCamundaAdmin).orElse(false);
        Matcher completion = COMPLETION.matcher(path);
        if (completion.matches() && "POST".equals(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "engine.write.tooLarge");
                return;
            }
            List<String> refused = refusedVariables(completion.group(1), body, operator);
            if (!refused.isEmpty()) {
                refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "engine.write.notInForm",
                        String.join(", ", refused));
                return;
            }
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        if (!operator && OTHER_WRITES.stream().anyMatch(p -> p.matcher(path).matches())) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "engine.write.forbidden");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The submitted variables the task's form does not let this person set. A task the caller cannot see is left to
     * the engine (which answers "not found"), so this answer never tells another tenant's task from no task.
     */
    private List<String> refusedVariables(String taskId, byte[] body, boolean operator) throws IOException {
        Optional<StaffPrincipal> staff = CurrentUser.staff();
        if (staff.isEmpty()) {
            return List.of();
        }
        TaskQuery query = taskService.createTaskQuery().taskId(taskId).initializeFormKeys();
        if (!operator) {
            if (staff.get().tenantIds().isEmpty()) {
                return List.of();
            }
            query.tenantIdIn(staff.get().tenantIds().toArray(String[]::new));
        }
        Task task = query.singleResult();
        if (task == null) {
            return List.of();
        }
        JsonNode variables = body.length == 0 ? null : json.readTree(body).get("variables");
        if (variables == null || !variables.isObject() || variables.isEmpty()) {
            return List.of();
        }
        Map<String, Boolean> editable = task.getCamundaFormRef() == null ? Map.of() : FormFields.of(
                readForm(task.getId()));
        List<String> refused = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            Boolean canEdit = editable.get(variable.getKey());
            if (canEdit == null || (!canEdit && !unchanged(task.getId(), variable.getKey(), variable.getValue()))) {
                refused.add(variable.getKey());
            }
        }
        return refused;
    }

    private byte[] readForm(String taskId) throws IOException {
        try (InputStream form = formService.getDeployedTaskForm(taskId)) {
            return form.readAllBytes();
        }
    }

    /** A read-only form field sent back as it was shown (Tasklist sends every field of the form). */
    private boolean unchanged(String taskId, String name, JsonNode submitted) {
        Object current = taskService.getVariable(taskId, name);
        JsonNode value = submitted.get("value");
        if (value == null || value.isNull()) {
            return current == null;
        }
        return current != null && Objects.equals(value.asText(), String.valueOf(current));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key,
            Object... arguments) throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        String message = messages.getMessage(key, arguments, locale);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(Map.of("type", status == 403
                ? "AuthorizationException" : "InvalidRequestException", "message", message)));
    }

    /** The request with its body read once here and served again to the engine. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
