package org.karyoloop.ml.spread;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * What an expert karyotype label image says about a cell: every chromosome's mask, which chromosomes touch or
 * overlap, the separated objects a threshold would see (touching chromosomes merge) and the clusters among them.
 * The label image holds per pixel the chromosome class (1–22, 23 = X, 24 = Y), 0 for background and 255 where
 * chromosomes overlap (the ADIR M-FISH convention). A chromosome is a connected region of one class; a region of
 * the same class on the far side of an overlap it touches is the same chromosome (an overlap cuts the chromosome
 * lying beneath it in two). Pure Java; thread-safe (immutable).
 *
 * @param width       image width
 * @param height      image height
 * @param chromosome  per pixel, the chromosome's index (0-based), -1 for background, -2 for overlap pixels
 * @param chromosomes number of chromosomes
 * @param object      per pixel, the index of the separated object (8-connected non-background), -1 for background
 * @param objects     number of separated objects
 * @param members     per object, how many chromosomes it holds
 * @param overlapPixels pixels where chromosomes lie on each other
 * @param touchingPairs pairs of chromosomes whose masks touch without overlapping
 * @param overlappingPairs pairs of chromosomes that share an overlap region
 */
public record LabelTruth(int width, int height, int[] chromosome, int chromosomes, int[] object, int objects,
        int[] members, int overlapPixels, int touchingPairs, int overlappingPairs) {

    /** Label value of pixels where chromosomes overlap. */
    public static final int OVERLAP = 255;

    /** Objects that hold two or more chromosomes. */
    public int clusters() {
        int c = 0;
        for (int m : members) {
            c += m >= 2 ? 1 : 0;
        }
        return c;
    }

    /** Reads a label image file (TIFF or PNG; palette indices or gray values are the labels). */
    public static LabelTruth read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("no image reader for " + file);
        }
        Raster r = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] labels = new int[w * h];
        r.getSamples(0, 0, w, h, 0, labels);
        return of(labels, w, h);
    }

    /** The truth of a label raster: per pixel a class (1–254), 0 for background, {@value #OVERLAP} for overlaps. */
    public static LabelTruth of(int[] labels, int w, int h) {
        int n = w * h;
        // regions: 8-connected pixels of one class (overlap pixels are a class of their own here)
        int[] region = new int[n];
        Arrays.fill(region, -1);
        int regions = 0;
        List<Integer> regionClass = new ArrayList<>();
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (labels[s] == 0 || region[s] >= 0) {
                continue;
            }
            int cls = labels[s];
            int top = 0;
            stack[top++] = s;
            region[s] = regions;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= w
                                || yy >= h) {
                            continue;
                        }
                        int q = yy * w + xx;
                        if (region[q] < 0 && labels[q] == cls) {
                            region[q] = regions;
                            stack[top++] = q;
                        }
                    }
                }
            }
            regionClass.add(cls);
            regions++;
        }
        // adjacency between regions (8-neighbourhood)
        boolean[][] adjacent = new boolean[regions][];
        for (int i = 0; i < regions; i++) {
            adjacent[i] = new boolean[regions];
        }
        for (int p = 0; p < n; p++) {
            int a = region[p];
            if (a < 0) {
                continue;
            }
            int x = p % w;
            int y = p / w;
            for (int dy = 0; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dy == 0 && dx <= 0) {
                        continue;
                    }
                    int xx = x + dx;
                    int yy = y + dy;
                    if (xx < 0 || xx >= w || yy >= h) {
                        continue;
                    }
                    int b = region[yy * w + xx];
                    if (b >= 0 && b != a) {
                        adjacent[a][b] = true;
                        adjacent[b][a] = true;
                    }
                }
            }
        }
        // chromosomes: class regions joined through a shared overlap region
        int[] parent = new int[regions];
        for (int i = 0; i < regions; i++) {
            parent[i] = i;
        }
        for (int o = 0; o < regions; o++) {
            if (regionClass.get(o) != OVERLAP) {
                continue;
            }
            for (int a = 0; a < regions; a++) {
                if (!adjacent[o][a] || regionClass.get(a) == OVERLAP) {
                    continue;
                }
                for (int b = a + 1; b < regions; b++) {
                    if (adjacent[o][b] && regionClass.get(b).equals(regionClass.get(a)) && !adjacent[a][b]) {
                        Labels.union(parent, a, b);
                    }
                }
            }
        }
        int[] chromosomeOfRegion = new int[regions];
        Arrays.fill(chromosomeOfRegion, -1);
        int chromosomes = 0;
        for (int i = 0; i < regions; i++) {
            if (regionClass.get(i) == OVERLAP) {
                continue;
            }
            int root = Labels.find(parent, i);
            if (chromosomeOfRegion[root] < 0) {
                chromosomeOfRegion[root] = chromosomes++;
            }
            chromosomeOfRegion[i] = chromosomeOfRegion[root];
        }
        int[] chromosome = new int[n];
        int overlapPixels = 0;
        for (int p = 0; p < n; p++) {
            if (region[p] < 0) {
                chromosome[p] = -1;
            } else if (regionClass.get(region[p]) == OVERLAP) {
                chromosome[p] = -2;
                overlapPixels++;
            } else {
                chromosome[p] = chromosomeOfRegion[region[p]];
            }
        }
        // touching and overlapping pairs
        boolean[][] touch = new boolean[chromosomes][chromosomes];
        boolean[][] overlap = new boolean[chromosomes][chromosomes];
        for (int o = 0; o < regions; o++) {
            if (regionClass.get(o) != OVERLAP) {
                continue;
            }
            List<Integer> around = new ArrayList<>();
            for (int a = 0; a < regions; a++) {
                if (adjacent[o][a] && regionClass.get(a) != OVERLAP && !around.contains(chromosomeOfRegion[a])) {
                    around.add(chromosomeOfRegion[a]);
                }
            }
            for (int i = 0; i < around.size(); i++) {
                for (int j = i + 1; j < around.size(); j++) {
                    overlap[around.get(i)][around.get(j)] = true;
                    overlap[around.get(j)][around.get(i)] = true;
                }
            }
        }
        for (int a = 0; a < regions; a++) {
            for (int b = a + 1; b < regions; b++) {
                if (adjacent[a][b] && regionClass.get(a) != OVERLAP && regionClass.get(b) != OVERLAP) {
                    int ca = chromosomeOfRegion[a];
                    int cb = chromosomeOfRegion[b];
                    if (ca != cb && !overlap[ca][cb]) {
                        touch[ca][cb] = true;
                        touch[cb][ca] = true;
                    }
                }
            }
        }
        int touchingPairs = 0;
        int overlappingPairs = 0;
        for (int a = 0; a < chromosomes; a++) {
            for (int b = a + 1; b < chromosomes; b++) {
                touchingPairs += touch[a][b] ? 1 : 0;
                overlappingPairs += overlap[a][b] ? 1 : 0;
            }
        }
        // separated objects: 8-connected non-background
        boolean[] stained = new boolean[n];
        for (int p = 0; p < n; p++) {
            stained[p] = labels[p] != 0;
        }
        Labels.Components objectComponents = Labels.components(stained, w, h);
        int[] object = objectComponents.label();
        int objects = objectComponents.count();
        boolean[][] in = new boolean[objects][chromosomes];
        for (int p = 0; p < n; p++) {
            if (object[p] >= 0 && chromosome[p] >= 0) {
                in[object[p]][chromosome[p]] = true;
            }
        }
        int[] members = new int[objects];
        for (int i = 0; i < objects; i++) {
            for (boolean b : in[i]) {
                members[i] += b ? 1 : 0;
            }
        }
        return new LabelTruth(w, h, chromosome, chromosomes, object, objects, members, overlapPixels, touchingPairs,
                overlappingPairs);
    }
}
