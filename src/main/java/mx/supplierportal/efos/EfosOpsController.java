package mx.supplierportal.efos;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import mx.supplierportal.web.Formats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For operators: import SAT's 69-B list and see the imported versions. After an import, every supplier of every
 * client is checked against it at once (changes are told to the client's admins).
 */
@Controller
@RequestMapping("/ops/efos")
class EfosOpsController {

    private final EfosLists lists;
    private final EfosWatch watch;

    EfosOpsController(EfosLists lists, EfosWatch watch) {
        this.lists = lists;
        this.watch = watch;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("current", lists.current().orElse(null));
        model.addAttribute("versions", lists.versions(24));
        return "ops/efos";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal who,
            RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "efos.import.missing");
            return "redirect:/ops/efos";
        }
        try {
            EfosLists.Version version = lists.importList(file.getBytes(), file.getOriginalFilename(), who.getName());
            int told = watch.check();
            redirect.addFlashAttribute("imported", List.of(version.rows(), version.cutDate() == null ? "—"
                    : Formats.date(version.cutDate()), told));
        } catch (EfosImportRefused e) {
            redirect.addFlashAttribute("problem", e.messageKey());
            if (e.arguments().length > 0) {
                redirect.addFlashAttribute("problemArgs", List.of(e.arguments()).stream().map(String::valueOf).toList());
            }
        }
        return "redirect:/ops/efos";
    }
}
