package org.karyoloop.sampling;

/**
 * The sampler's decision to ask doctors about one image.
 *
 * @param reason uncertainty, exploration, cold-start, label-review or canary-audit (canary-arm images and as
 *     many stable-arm images beside them)
 * @param priority 0..1, higher first
 * @param detail a short note for people (which strategy, what value)
 */
public record Selection(Candidate candidate, String reason, double priority, String detail) {
}
