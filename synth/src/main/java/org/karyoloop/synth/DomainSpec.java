package org.karyoloop.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a domain spec, {@code name[:knob=value,...]}: the base is the domain called {@code name}
 * when there is one, else the one named by a {@code base=} knob, else the fluorescence domain when
 * a fluorescent {@code modality=} is given, else {@code new}; the knobs then override the base's
 * values, and the result carries {@code name}. Stateless; thread-safe.
 */
public final class DomainSpec {

    /** Every knob a spec may set, each one {@link Domain} component (docs/synthetic.md lists them). */
    public static final List<String> KNOBS = List.of("base", "modality", "white-good", "white-fair", "white-poor",
            "white-level", "background", "level-spread", "unevenness", "noise", "blur", "scale", "jpeg", "width",
            "bands", "brightness", "halo", "bleach", "shot-noise", "nuclei", "crowding", "extra-nuclei");

    private DomainSpec() {
    }

    /** The domain a spec describes; an unknown knob or a bad value is an IllegalArgumentException naming it. */
    public static Domain parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty domain spec");
        }
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).trim();
        Map<String, String> knobs = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String part : spec.substring(colon + 1).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("domain spec '" + spec + "': '" + part + "' is not knob=value");
                }
                knobs.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        Domain base;
        if (Domain.known(name)) {
            base = Domain.named(name);
        } else if (knobs.containsKey("base")) {
            base = Domain.named(knobs.get("base"));
        } else if (knobs.containsKey("modality") && Modality.parse(knobs.get("modality")) != Modality.BRIGHTFIELD) {
            base = Domain.fluorescence();
        } else {
            base = Domain.newMicroscopes();
        }
        return override(base, name, knobs);
    }

    /** {@code base} under {@code name} with the given knobs set. */
    static Domain override(Domain base, String name, Map<String, String> knobs) {
        Modality modality = base.modality();
        double whiteGood = base.whiteShareGood();
        double whiteFair = base.whiteShareFair();
        double whitePoor = base.whiteSharePoor();
        double whiteLevel = base.whiteLevel();
        double grayLevel = base.grayLevel();
        double levelSpread = base.levelSpread();
        double unevenness = base.unevenness();
        double noiseMin = base.noiseMin();
        double noiseMax = base.noiseMax();
        double blur = base.blurScale();
        double scale = base.scale();
        int jpeg = base.jpegQuality();
        double width = base.widthScale();
        double bands = base.bandContrast();
        double brightness = base.brightness();
        double halo = base.halo();
        double bleach = base.bleach();
        double shot = base.shotNoise();
        double nuclei = base.nucleusBrightness();
        double crowding = base.crowding();
        int extraNuclei = base.extraNuclei();
        for (Map.Entry<String, String> e : knobs.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "base" -> {}
                    case "modality" -> modality = Modality.parse(v);
                    case "white-good" -> whiteGood = Double.parseDouble(v);
                    case "white-fair" -> whiteFair = Double.parseDouble(v);
                    case "white-poor" -> whitePoor = Double.parseDouble(v);
                    case "white-level" -> whiteLevel = Double.parseDouble(v);
                    case "background" -> grayLevel = Double.parseDouble(v);
                    case "level-spread" -> levelSpread = Double.parseDouble(v);
                    case "unevenness" -> unevenness = Double.parseDouble(v);
                    case "noise" -> {
                        int dash = v.indexOf('-', 1);
                        noiseMin = Double.parseDouble(dash < 0 ? v : v.substring(0, dash));
                        noiseMax = Double.parseDouble(dash < 0 ? v : v.substring(dash + 1));
                    }
                    case "blur" -> blur = Double.parseDouble(v);
                    case "scale" -> scale = Double.parseDouble(v);
                    case "jpeg" -> jpeg = Integer.parseInt(v);
                    case "width" -> width = Double.parseDouble(v);
                    case "bands" -> bands = Double.parseDouble(v);
                    case "brightness" -> brightness = Double.parseDouble(v);
                    case "halo" -> halo = Double.parseDouble(v);
                    case "bleach" -> bleach = Double.parseDouble(v);
                    case "shot-noise" -> shot = Double.parseDouble(v);
                    case "nuclei" -> nuclei = Double.parseDouble(v);
                    case "crowding" -> crowding = Double.parseDouble(v);
                    case "extra-nuclei" -> extraNuclei = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown domain knob '" + e.getKey() + "' (one of "
                            + String.join(", ", KNOBS) + ")");
                }
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("domain knob '" + e.getKey() + "': '" + v + "' is not a number");
            }
        }
        if (modality != Modality.BRIGHTFIELD && brightness <= 0) {
            brightness = Domain.fluorescence().brightness();
        }
        return new Domain(name, modality, whiteGood, whiteFair, whitePoor, whiteLevel, grayLevel, levelSpread,
                unevenness, noiseMin, noiseMax, blur, scale, jpeg, width, bands, brightness, halo, bleach, shot, nuclei,
                crowding, extraNuclei);
    }
}
