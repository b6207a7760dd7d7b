package mx.supplierportal.security;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A challenge's image and audio, while it is open; a used or expired one is "not found". */
@RestController
class CaptchaController {

    private final Captchas captchas;

    CaptchaController(Captchas captchas) {
        this.captchas = captchas;
    }

    @GetMapping("/captcha/{challenge}/image")
    ResponseEntity<byte[]> image(@PathVariable("challenge") String challenge) {
        return captchas.image(challenge).map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore()).body(png)).orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/captcha/{challenge}/audio")
    ResponseEntity<byte[]> audio(@PathVariable("challenge") String challenge) {
        return captchas.audio(challenge).map(wav -> ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .cacheControl(CacheControl.noStore()).body(wav)).orElse(ResponseEntity.notFound().build());
    }
}
