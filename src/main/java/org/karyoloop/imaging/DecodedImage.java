package org.karyoloop.imaging;
public record DecodedImage(ImageFormat format, int width, int height, int bitsPerSample, int pages, byte[] gray) {}
